package dev.plumbline.events.manifest;

import java.util.Objects;

/**
 * What makes a Kubernetes object unique in a cluster. {@code group} is empty for the core group, {@code namespace}
 * is null for cluster-scoped kinds. The version is carried so that consumers can address the object, but two
 * identities that differ only in version name the same object: use {@link #sameObjectAs}.
 */
public record ObjectIdentity(String group, String version, String kind, String namespace, String name) {

    public ObjectIdentity {
        group = group == null ? "" : group;
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static ObjectIdentity namespaced(String apiVersion, String kind, String namespace, String name) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        return new ObjectIdentity(group, version, kind, namespace, name);
    }

    public static ObjectIdentity clusterScoped(String apiVersion, String kind, String name) {
        return namespaced(apiVersion, kind, null, name);
    }

    /** {@code apps/v1}, or {@code v1} for the core group, as written in a manifest. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public GroupKind groupKind() {
        return new GroupKind(group, kind);
    }

    public boolean sameObjectAs(ObjectIdentity other) {
        return group.equals(other.group)
                && kind.equals(other.kind)
                && Objects.equals(namespace, other.namespace)
                && name.equals(other.name);
    }

    /** As a person reads it in logs and messages: {@code Deployment apps/v1 shop/web}. */
    @Override
    public String toString() {
        return kind + " " + apiVersion() + " " + (namespace == null ? name : namespace + "/" + name);
    }
}
