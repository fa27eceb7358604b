package dev.plumbline.events.project;

import java.util.Objects;

/**
 * A ServiceAccount the reconciler impersonates.
 *
 * @param namespace where it lives; null: in the namespace the objects go to (the Application's destination)
 * @param name      its name
 */
public record ServiceAccountRef(String namespace, String name) {

    public ServiceAccountRef {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses {@code name} or {@code namespace:name}, as a Project writes it.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ServiceAccountRef parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        String namespace = colon < 0 ? null : trimmed.substring(0, colon);
        String name = colon < 0 ? trimmed : trimmed.substring(colon + 1);
        if (name.isEmpty() || (namespace != null && namespace.isEmpty()) || name.contains(":")) {
            throw new IllegalArgumentException("service account \"" + text + "\" is not NAME or NAMESPACE:NAME");
        }
        return new ServiceAccountRef(namespace, name);
    }

    /** The Kubernetes user name it authenticates as, {@code system:serviceaccount:NAMESPACE:NAME}. */
    public String userName(String destinationNamespace) {
        return "system:serviceaccount:" + (namespace == null ? destinationNamespace : namespace) + ":" + name;
    }

    @Override
    public String toString() {
        return namespace == null ? name : namespace + ":" + name;
    }
}
