package dev.plumbline.renderer.render;

import dev.plumbline.events.manifest.ObjectIdentity;
import java.util.Comparator;
import java.util.List;

/**
 * The deterministic order of a rendered set: kinds others depend on first (as Helm installs them: namespaces,
 * CRDs, accounts and config before the workloads that use them), then by group, kind, namespace and name. The same
 * inputs always give the same order, whatever order the files or templates came in.
 */
public final class ApplyOrder {

    private static final List<String> KIND_ORDER = List.of(
            "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
            "ServiceAccount", "Secret", "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
            "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Service",
            "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler",
            "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService");

    public static final Comparator<ObjectIdentity> IDENTITIES = Comparator
            .comparingInt((ObjectIdentity identity) -> rank(identity.kind()))
            .thenComparing(ObjectIdentity::group)
            .thenComparing(ObjectIdentity::kind)
            .thenComparing(identity -> identity.namespace() == null ? "" : identity.namespace())
            .thenComparing(ObjectIdentity::name);

    private ApplyOrder() {
    }

    /** Kinds outside the list (custom resources among them) come after every listed kind. */
    private static int rank(String kind) {
        int index = KIND_ORDER.indexOf(kind);
        return index < 0 ? KIND_ORDER.size() : index;
    }
}
