package dev.plumbline.engine.project;

import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.project.KindPattern;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.project.ServiceAccountRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A project's rules, ready to judge: each question answers with the reason to refuse, in words that name the rule
 * and who can change it, or with nothing when the project allows it. What the project does not list is refused.
 */
public final class ProjectRules {

    private static final GroupKind NAMESPACE = new GroupKind("", "Namespace");

    /**
     * Path segments that a server may resolve to somewhere else than the glob meant: {@code .}, {@code ..}, and
     * escaped slashes, dots and at signs.
     */
    private static final Pattern AMBIGUOUS_PATH = Pattern.compile("(^|/)\\.{1,2}(/|$)|%2[fFeE]|%40");

    private final ProjectPolicy policy;
    private final List<Glob> sourceRepos;
    private final List<Glob> destinations;
    private final List<KindGlob> clusterResources;
    private final List<KindGlob> allowedNamespaced;
    private final List<KindGlob> deniedNamespaced;

    /** Compiles every glob once: a sync judges each object of its render by the same rules. */
    public ProjectRules(ProjectPolicy policy) {
        this.policy = policy;
        this.sourceRepos = policy.sourceRepos().stream().map(Glob::of).toList();
        this.destinations = policy.destinations().stream()
                .map(destination -> Glob.of(destination.namespace()))
                .toList();
        this.clusterResources = KindGlob.all(policy.clusterResources());
        this.allowedNamespaced = KindGlob.all(policy.namespaceResources().allow());
        this.deniedNamespaced = KindGlob.all(policy.namespaceResources().deny());
    }

    public ProjectPolicy policy() {
        return policy;
    }

    /** Why an Application of this project may not fetch {@code repoUrl}; empty when it may. */
    public Optional<String> sourceRefusal(String repoUrl) {
        if (!policy.found()) {
            return Optional.of(missing());
        }
        String path = pathOf(repoUrl);
        if (AMBIGUOUS_PATH.matcher(path).find()) {
            return Optional.of("repository " + repoUrl + " has a path with '.', '..' or an escaped '/', '.' or '@',"
                    + " which a server may resolve outside what project \"" + policy.name()
                    + "\" allows; write the repository's plain URL");
        }
        if (sourceRepos.stream().anyMatch(glob -> glob.matches(repoUrl))) {
            return Optional.empty();
        }
        return Optional.of("repository " + repoUrl + " is not among project \"" + policy.name() + "\"'s sourceRepos "
                + policy.sourceRepos() + "; an administrator can add it to the Project");
    }

    /** Why an Application of this project may not deploy into {@code namespace}; empty when it may. */
    public Optional<String> namespaceRefusal(String namespace) {
        if (!policy.found()) {
            return Optional.of(missing());
        }
        if (destinationFor(namespace).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("namespace \"" + namespace + "\" is not among project \"" + policy.name()
                + "\"'s destinations " + destinationsText() + "; an administrator can add it to the Project, or move"
                + " the object");
    }

    /**
     * Why an Application of this project may not manage {@code object}; empty when it may.
     *
     * @param namespaced           whether the object's kind is namespaced
     * @param destinationNamespace the namespace a namespaced object that names none goes to
     */
    public Optional<String> objectRefusal(ObjectIdentity object, boolean namespaced, String destinationNamespace) {
        if (!policy.found()) {
            return Optional.of(missing());
        }
        GroupKind kind = object.groupKind();
        if (namespaced) {
            String namespace = object.namespace() == null ? destinationNamespace : object.namespace();
            Optional<String> outside = namespaceRefusal(namespace);
            if (outside.isPresent()) {
                return outside;
            }
            return namespacedKindRefusal(kind);
        }
        if (kind.equals(NAMESPACE) && destinationFor(object.name()).isPresent()) {
            return Optional.empty();
        }
        if (clusterResources.stream().anyMatch(glob -> glob.matches(kind))) {
            return Optional.empty();
        }
        return Optional.of("cluster-scoped kind " + kindText(kind) + " is not in project \"" + policy.name()
                + "\"'s clusterResources " + policy.clusterResources() + "; an administrator can add {group: \""
                + kind.group() + "\", kind: " + kind.kind() + "} to it");
    }

    /**
     * Why an Application of this project may not create or change an Application that names {@code namedProject}
     * (an app of apps); empty when it names this project. Without this rule a repository could hand itself any other
     * project's rights by rendering an Application that names it.
     */
    public Optional<String> childApplicationRefusal(String namedProject) {
        String named = namedProject == null || namedProject.isBlank() ? ProjectPolicy.DEFAULT : namedProject;
        if (named.equals(policy.name())) {
            return Optional.empty();
        }
        return Optional.of("it names project \"" + named + "\", and an Application of project \"" + policy.name()
                + "\" may only create Applications of its own project; an administrator creates Applications of"
                + " other projects");
    }

    /**
     * The ServiceAccount the reconciler acts as for objects in {@code namespace}: the first matching destination's,
     * else the project's. Its namespace is filled in (the object's namespace when the project names none). Empty:
     * the reconciler's own identity.
     */
    public Optional<ServiceAccountRef> serviceAccountFor(String namespace) {
        ServiceAccountRef chosen = destinationFor(namespace)
                .map(ProjectDestination::serviceAccount)
                .orElse(policy.serviceAccount());
        if (chosen == null) {
            return Optional.empty();
        }
        return Optional.of(chosen.namespace() == null ? new ServiceAccountRef(namespace, chosen.name()) : chosen);
    }

    private Optional<ProjectDestination> destinationFor(String namespace) {
        for (int i = 0; i < destinations.size(); i++) {
            if (destinations.get(i).matches(namespace)) {
                return Optional.of(policy.destinations().get(i));
            }
        }
        return Optional.empty();
    }

    private Optional<String> namespacedKindRefusal(GroupKind kind) {
        for (KindGlob denied : deniedNamespaced) {
            if (denied.matches(kind)) {
                return Optional.of("kind " + kindText(kind) + " is denied by project \"" + policy.name()
                        + "\"'s namespaceResources.deny " + denied.pattern());
            }
        }
        if (!allowedNamespaced.isEmpty() && allowedNamespaced.stream().noneMatch(glob -> glob.matches(kind))) {
            return Optional.of("kind " + kindText(kind) + " is not in project \"" + policy.name()
                    + "\"'s namespaceResources.allow "
                    + policy.namespaceResources().allow());
        }
        return Optional.empty();
    }

    /** A kind pattern with its group and kind globs compiled. */
    private record KindGlob(KindPattern pattern, Glob group, Glob kind) {

        static List<KindGlob> all(List<KindPattern> patterns) {
            return patterns.stream()
                    .map(pattern -> new KindGlob(pattern, Glob.of(pattern.group()), Glob.of(pattern.kind())))
                    .toList();
        }

        boolean matches(GroupKind candidate) {
            return group.matches(candidate.group()) && kind.matches(candidate.kind());
        }
    }

    private String missing() {
        return "project \"" + policy.name() + "\" does not exist; an administrator creates it, or name an existing"
                + " one in spec.project";
    }

    private String destinationsText() {
        return policy.destinations().stream()
                .map(ProjectDestination::namespace)
                .toList()
                .toString();
    }

    private static String kindText(GroupKind kind) {
        return kind.group().isEmpty() ? kind.kind() : kind.kind() + "." + kind.group();
    }

    private static String pathOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        int scheme = lower.indexOf("://");
        if (scheme < 0) {
            int colon = url.indexOf(':');
            return colon < 0 ? url : url.substring(colon + 1);
        }
        int slash = url.indexOf('/', scheme + 3);
        return slash < 0 ? "" : url.substring(slash);
    }
}
