package dev.plumbline.events.application;

import dev.plumbline.events.manifest.GroupKind;
import java.util.List;
import java.util.Objects;

/**
 * Where an Application deploys, and the limit of what it may touch: its namespace, the other namespaces it lists,
 * and the cluster-scoped kinds it lists. Anything else is refused by the reconciler.
 *
 * @param namespace           filled into namespaced objects that name none
 * @param allowedNamespaces   other namespaces it may manage objects in
 * @param allowedClusterKinds cluster-scoped kinds it may manage (for example {@code Namespace} or a CRD)
 */
public record Destination(String namespace, List<String> allowedNamespaces, List<GroupKind> allowedClusterKinds) {

    public Destination {
        Objects.requireNonNull(namespace, "namespace");
        allowedNamespaces = allowedNamespaces == null ? List.of() : List.copyOf(allowedNamespaces);
        allowedClusterKinds = allowedClusterKinds == null ? List.of() : List.copyOf(allowedClusterKinds);
    }

    public static Destination of(String namespace) {
        return new Destination(namespace, List.of(), List.of());
    }
}
