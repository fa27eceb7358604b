package dev.plumbline.reconciler.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * {@code spec} of a Project, as an administrator writes it. Whatever it does not list is refused. Field names
 * follow Argo CD's AppProject where the meaning is the same ({@code sourceRepos}, {@code destinations}), and say
 * plainly what they do where it differs ({@code clusterResources} is an allow-list, {@code namespaceResources} an
 * optional allow-list and a deny-list).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProjectSpecModel {

    @JsonPropertyDescription("What the project is for, for people.")
    public String description;

    @JsonPropertyDescription("URL globs of the Git repositories its Applications may deploy from: * matches within"
            + " one path segment, ** across segments, ? one character. Empty: none.")
    public List<String> sourceRepos;

    @JsonPropertyDescription("The namespaces its Applications may deploy into, each a glob, optionally with the"
            + " ServiceAccount the reconciler acts as there. Empty: none.")
    public List<Destination> destinations;

    @JsonPropertyDescription("The cluster-scoped kinds its Applications may manage, as {group, kind} globs; the"
            + " Namespace of an allowed destination needs no entry. Empty: none.")
    public List<KindRule> clusterResources;

    @JsonPropertyDescription("The namespaced kinds its Applications may manage: allow (absent or empty: every kind)"
            + " and deny (refused even when allowed).")
    public NamespaceResources namespaceResources;

    @JsonPropertyDescription("The ServiceAccount the reconciler acts as for a destination that names none: NAME (in"
            + " the destination namespace) or NAMESPACE:NAME. Absent: the reconciler's own.")
    public String serviceAccount;

    @JsonPropertyDescription("Public keys that must have signed a commit before it is deployed: SSH public key lines"
            + " (ssh-ed25519 AAAA... comment) or ASCII-armored OpenPGP public key blocks. Empty: no signature needed.")
    public List<String> signatureKeys;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Destination {
        @Required
        @JsonPropertyDescription("A namespace, or a glob of namespaces such as team-a-*.")
        public String namespace;

        @JsonPropertyDescription("Reserved for clusters other than the one Plumbline runs in; leave it out.")
        public String server;

        @JsonPropertyDescription("The ServiceAccount the reconciler acts as in these namespaces: NAME or"
                + " NAMESPACE:NAME; absent: the project's.")
        public String serviceAccount;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class KindRule {
        @JsonPropertyDescription("The API group, or a glob of groups; empty or absent: the core group.")
        public String group;

        @Required
        @JsonPropertyDescription("The kind, or a glob of kinds such as *.")
        public String kind;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class NamespaceResources {
        @JsonPropertyDescription("The only namespaced kinds allowed; absent or empty: every kind not denied.")
        public List<KindRule> allow;

        @JsonPropertyDescription("Namespaced kinds refused, such as {group: apps, kind: DaemonSet}.")
        public List<KindRule> deny;
    }
}
