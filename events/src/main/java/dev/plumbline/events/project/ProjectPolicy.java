package dev.plumbline.events.project;

import java.util.List;
import java.util.Objects;

/**
 * One Project as the reconciler read it, travelling with the spec of every Application that names it. What it does
 * not list is refused: a project with no source repositories lets its Applications fetch nothing.
 *
 * @param name               the Project's name
 * @param found              false when no Project of that name exists; such a policy allows nothing
 * @param generation         {@code metadata.generation}, so a reader can tell a newer policy from an older one
 * @param sourceRepos        URL globs of the repositories its Applications may deploy from
 * @param destinations       namespace globs its Applications may deploy into, each with an optional ServiceAccount
 * @param clusterResources   the cluster-scoped kinds its Applications may manage (an allow-list)
 * @param namespaceResources the namespaced kinds they may manage: an optional allow-list and a deny-list
 * @param serviceAccount     the ServiceAccount the reconciler acts as for a destination that names none;
 *                           null: the reconciler's own identity
 * @param signatureKeys      the OpenPGP and SSH public keys that must have signed a commit before it is deployed;
 *                           empty: commits need no signature
 */
public record ProjectPolicy(
        String name,
        boolean found,
        long generation,
        List<String> sourceRepos,
        List<ProjectDestination> destinations,
        List<KindPattern> clusterResources,
        NamespaceResources namespaceResources,
        ServiceAccountRef serviceAccount,
        List<String> signatureKeys) {

    /** The project an Application names when it names none. */
    public static final String DEFAULT = "default";

    public ProjectPolicy {
        Objects.requireNonNull(name, "name");
        sourceRepos = sourceRepos == null ? List.of() : List.copyOf(sourceRepos);
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        clusterResources = clusterResources == null ? List.of() : List.copyOf(clusterResources);
        namespaceResources = namespaceResources == null ? NamespaceResources.ANY : namespaceResources;
        signatureKeys = signatureKeys == null ? List.of() : List.copyOf(signatureKeys);
    }

    /** The policy of a Project that does not exist: nothing is allowed. */
    public static ProjectPolicy missing(String name) {
        return new ProjectPolicy(name, false, 0, List.of(), List.of(), List.of(), null, null, List.of());
    }

    /** Whether deploying needs a signed commit. */
    public boolean requiresSignedCommits() {
        return !signatureKeys.isEmpty();
    }
}
