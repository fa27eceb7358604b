package dev.plumbline.reconciler.apply;

import dev.plumbline.engine.project.ProjectRules;
import dev.plumbline.events.project.ProjectPolicy;
import java.util.Optional;

/**
 * As whom the writes of one app's sync are made: for each object, the ServiceAccount its project names for the
 * object's namespace (a cluster-scoped object counts as being in the app's destination namespace), so that the API
 * server, not Plumbline alone, decides what the app may change. A project that names no ServiceAccount leaves the
 * reconciler's own identity.
 */
public final class Impersonation {

    private final ProjectRules rules;
    private final String destinationNamespace;

    private Impersonation(ProjectRules rules, String destinationNamespace) {
        this.rules = rules;
        this.destinationNamespace = destinationNamespace;
    }

    public static Impersonation of(ProjectPolicy project, String destinationNamespace) {
        return new Impersonation(new ProjectRules(project), destinationNamespace);
    }

    /**
     * @param objectNamespace the namespace of a namespaced object; null for a cluster-scoped one
     * @return the Kubernetes user to impersonate, {@code system:serviceaccount:NAMESPACE:NAME}; empty: none
     */
    public Optional<String> userFor(String objectNamespace) {
        String namespace = objectNamespace == null ? destinationNamespace : objectNamespace;
        return rules.serviceAccountFor(namespace).map(account -> account.userName(namespace));
    }
}
