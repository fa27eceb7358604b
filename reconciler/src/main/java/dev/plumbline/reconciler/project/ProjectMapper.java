package dev.plumbline.reconciler.project;

import dev.plumbline.events.project.KindPattern;
import dev.plumbline.events.project.NamespaceResources;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.project.ServiceAccountRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Project resource into the {@link ProjectPolicy} that travels with its Applications' specs. The API server
 * does not enforce the CRD schema everywhere, and the schema cannot say what a glob or a key must look like, so every
 * value is checked here and a bad one is refused with a message naming the field.
 */
public final class ProjectMapper {

    /** The one server a destination may name today: the cluster Plumbline runs in, as Argo CD writes it. */
    static final String IN_CLUSTER = "https://kubernetes.default.svc";

    private static final Pattern NAMESPACE_GLOB = Pattern.compile("[a-z0-9*?]([-a-z0-9*?]{0,61}[a-z0-9*?])?");
    private static final Pattern GROUP_GLOB = Pattern.compile("[a-z0-9.*?-]*");
    private static final Pattern KIND_GLOB = Pattern.compile("[A-Za-z0-9*?]+");
    private static final Pattern UNSUPPORTED_GLOB = Pattern.compile("[\\[\\]{}]|\\*\\*\\*|\\s|\\p{Cntrl}");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private ProjectMapper() {}

    /** @throws InvalidProjectException naming the field at fault */
    public static ProjectPolicy toPolicy(Project resource) {
        ProjectSpecModel spec = resource.getSpec();
        if (spec == null) {
            throw new InvalidProjectException(
                    "spec is missing; a Project lists at least its sourceRepos and" + " destinations");
        }
        Long generation = resource.getMetadata().getGeneration();
        return new ProjectPolicy(
                resource.getMetadata().getName(),
                true,
                generation == null ? 0 : generation,
                sourceRepos(spec.sourceRepos),
                destinations(spec.destinations),
                kinds("spec.clusterResources", spec.clusterResources),
                namespaceResources(spec.namespaceResources),
                spec.serviceAccount == null ? null : serviceAccount("spec.serviceAccount", spec.serviceAccount),
                signatureKeys(spec.signatureKeys));
    }

    private static List<String> sourceRepos(List<String> globs) {
        List<String> repos = new ArrayList<>();
        for (int i = 0; i < size(globs); i++) {
            String field = "spec.sourceRepos[" + i + "]";
            repos.add(glob(field, globs.get(i)));
        }
        return repos;
    }

    private static List<ProjectDestination> destinations(List<ProjectSpecModel.Destination> destinations) {
        List<ProjectDestination> read = new ArrayList<>();
        for (int i = 0; i < size(destinations); i++) {
            String field = "spec.destinations[" + i + "]";
            ProjectSpecModel.Destination destination = destinations.get(i);
            if (destination == null) {
                throw new InvalidProjectException(field + " is empty; write {namespace: NAME-OR-GLOB}");
            }
            String namespace = glob(field + ".namespace", destination.namespace);
            if (!NAMESPACE_GLOB.matcher(namespace).matches()) {
                throw new InvalidProjectException(field + ".namespace must be a namespace name or a glob of one"
                        + " (lowercase letters, digits, '-', '*' and '?', at most 63), got \"" + namespace + "\"");
            }
            read.add(new ProjectDestination(
                    namespace,
                    server(field + ".server", destination.server),
                    destination.serviceAccount == null
                            ? null
                            : serviceAccount(field + ".serviceAccount", destination.serviceAccount)));
        }
        return read;
    }

    private static String server(String field, String server) {
        if (server == null || server.isBlank()) {
            return null;
        }
        if (!server.strip().equals(IN_CLUSTER)) {
            throw new InvalidProjectException(field + " is reserved for other clusters, which Plumbline does not"
                    + " deploy to yet; leave it out (or write " + IN_CLUSTER + "), got \"" + server + "\"");
        }
        return IN_CLUSTER;
    }

    private static NamespaceResources namespaceResources(ProjectSpecModel.NamespaceResources resources) {
        if (resources == null) {
            return NamespaceResources.ANY;
        }
        return new NamespaceResources(
                kinds("spec.namespaceResources.allow", resources.allow),
                kinds("spec.namespaceResources.deny", resources.deny));
    }

    private static List<KindPattern> kinds(String field, List<ProjectSpecModel.KindRule> rules) {
        List<KindPattern> kinds = new ArrayList<>();
        for (int i = 0; i < size(rules); i++) {
            String entry = field + "[" + i + "]";
            ProjectSpecModel.KindRule rule = rules.get(i);
            if (rule == null || rule.kind == null || rule.kind.isBlank()) {
                throw new InvalidProjectException(entry + ".kind is required: a kind such as DaemonSet, or *");
            }
            String group = rule.group == null ? "" : rule.group.strip();
            if (!GROUP_GLOB.matcher(group).matches()) {
                throw new InvalidProjectException(entry + ".group must be an API group or a glob of one (lowercase"
                        + " letters, digits, '.', '-', '*' and '?'; empty for the core group), got \"" + rule.group
                        + "\"");
            }
            String kind = rule.kind.strip();
            if (!KIND_GLOB.matcher(kind).matches()) {
                throw new InvalidProjectException(entry + ".kind must be a kind such as DaemonSet or a glob of one"
                        + " (letters, digits, '*' and '?'), got \"" + rule.kind + "\"");
            }
            kinds.add(new KindPattern(group, kind));
        }
        return kinds;
    }

    private static ServiceAccountRef serviceAccount(String field, String text) {
        ServiceAccountRef account;
        try {
            account = ServiceAccountRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidProjectException(field + " must be NAME (a ServiceAccount in the destination namespace)"
                    + " or NAMESPACE:NAME, got \"" + text + "\"");
        }
        if (!DNS_SUBDOMAIN.matcher(account.name()).matches()
                || account.namespace() != null
                        && !DNS_LABEL.matcher(account.namespace()).matches()) {
            throw new InvalidProjectException(field + " must be NAME or NAMESPACE:NAME with Kubernetes names"
                    + " (lowercase letters, digits, '-' and '.'), got \"" + text + "\"");
        }
        return account;
    }

    private static List<String> signatureKeys(List<String> keys) {
        List<String> read = new ArrayList<>();
        for (int i = 0; i < size(keys); i++) {
            String field = "spec.signatureKeys[" + i + "]";
            String key = keys.get(i);
            SignatureKeyShape.problem(key).ifPresent(problem -> {
                throw new InvalidProjectException(field + " " + problem);
            });
            read.add(key.strip());
        }
        return read;
    }

    /** A glob as {@code engine.project.Glob} reads it: only {@code *}, {@code **} and {@code ?} are special. */
    private static String glob(String field, String glob) {
        if (glob == null || glob.isBlank()) {
            throw new InvalidProjectException(field + " is empty; write a name or a glob such as team-a-*");
        }
        if (UNSUPPORTED_GLOB.matcher(glob).find()) {
            throw new InvalidProjectException(field + " \"" + glob + "\" is not a glob Plumbline reads: only *"
                    + " (within a path segment), ** (across segments) and ? are special, and spaces, '[', ']', '{',"
                    + " '}' and *** are not allowed; write one entry per alternative");
        }
        return glob;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
