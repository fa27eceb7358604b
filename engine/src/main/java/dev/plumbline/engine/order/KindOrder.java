package dev.plumbline.engine.order;

import dev.plumbline.events.manifest.ObjectIdentity;
import java.util.Comparator;
import java.util.List;

/**
 * The order kinds are applied in within a wave, Helm's install order: what others depend on (namespaces, policies,
 * accounts, configuration, storage, RBAC) before the workloads that use it, then what routes to them. Kinds not
 * listed (custom resources among them) come after every listed kind. docs/engine.md shows the table.
 */
public final class KindOrder {

    public static final List<String> INSTALL_ORDER = List.of(
            "Namespace",
            "NetworkPolicy",
            "ResourceQuota",
            "LimitRange",
            "PodSecurityPolicy",
            "PodDisruptionBudget",
            "ServiceAccount",
            "Secret",
            "ConfigMap",
            "StorageClass",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "CustomResourceDefinition",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Service",
            "DaemonSet",
            "Pod",
            "ReplicationController",
            "ReplicaSet",
            "Deployment",
            "HorizontalPodAutoscaler",
            "StatefulSet",
            "Job",
            "CronJob",
            "IngressClass",
            "Ingress",
            "APIService",
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration");

    /**
     * A total order of objects by identity: kinds in {@link #INSTALL_ORDER}, then by group, kind, namespace and name.
     * The renderer sorts a rendered set by it, so the same inputs always give the same set and digest.
     */
    public static final Comparator<ObjectIdentity> IDENTITIES = Comparator.comparingInt(
                    (ObjectIdentity identity) -> rank(identity.kind()))
            .thenComparing(ObjectIdentity::group)
            .thenComparing(ObjectIdentity::kind)
            .thenComparing(identity -> identity.namespace() == null ? "" : identity.namespace())
            .thenComparing(ObjectIdentity::name);

    private KindOrder() {}

    /** The kind's position in {@link #INSTALL_ORDER}; unlisted kinds share the position after the last. */
    public static int rank(String kind) {
        int rank = INSTALL_ORDER.indexOf(kind);
        return rank < 0 ? INSTALL_ORDER.size() : rank;
    }
}
