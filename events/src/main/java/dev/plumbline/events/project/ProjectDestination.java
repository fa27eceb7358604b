package dev.plumbline.events.project;

import java.util.Objects;

/**
 * A namespace glob a project's Applications may deploy into.
 *
 * @param namespace      a glob such as {@code team-a} or {@code team-a-*}
 * @param server         reserved for clusters other than the one Plumbline runs in; null today
 * @param serviceAccount the ServiceAccount the reconciler acts as in matching namespaces; null: the project's
 */
public record ProjectDestination(String namespace, String server, ServiceAccountRef serviceAccount) {

    public ProjectDestination {
        Objects.requireNonNull(namespace, "namespace");
    }

    public static ProjectDestination of(String namespace) {
        return new ProjectDestination(namespace, null, null);
    }
}
