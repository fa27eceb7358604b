package dev.plumbline.sandbox.kube;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in kinds the API serves and announces: those Plumbline applies and watches, with the plural,
 * short names, scope and status subresource a real cluster gives them.
 */
final class BuiltInResources {

    /** The kinds {@code kubectl get all} lists, as in Kubernetes. */
    private static final Set<String> IN_ALL = Set.of(
            "pods",
            "services",
            "deployments",
            "statefulsets",
            "daemonsets",
            "replicasets",
            "jobs",
            "cronjobs",
            "horizontalpodautoscalers");

    /** The kinds with a {@code scale} subresource; their Scale's selector is the one in their spec. */
    private static final Set<String> SCALABLE = Set.of("deployments", "statefulsets", "replicasets");

    private static final ResourceType.ScalePaths SCALE_PATHS =
            new ResourceType.ScalePaths(".spec.replicas", ".status.replicas", ".spec.selector");

    static final ResourceType NAMESPACES = core("namespaces", "namespace", "Namespace", false, List.of("ns"), true);

    static final ResourceType CUSTOM_RESOURCE_DEFINITIONS = of(
            "apiextensions.k8s.io",
            "v1",
            "customresourcedefinitions",
            "customresourcedefinition",
            "CustomResourceDefinition",
            false,
            List.of("crd", "crds"),
            true);

    static final List<ResourceType> ALL = List.of(
            NAMESPACES,
            core("configmaps", "configmap", "ConfigMap", true, List.of("cm"), false),
            core("secrets", "secret", "Secret", true, List.of(), false),
            core("services", "service", "Service", true, List.of("svc"), true),
            core("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), false),
            core("pods", "pod", "Pod", true, List.of("po"), true),
            core(
                    "persistentvolumeclaims",
                    "persistentvolumeclaim",
                    "PersistentVolumeClaim",
                    true,
                    List.of("pvc"),
                    true),
            core("events", "event", "Event", true, List.of("ev"), false),
            of("apps", "v1", "deployments", "deployment", "Deployment", true, List.of("deploy"), true),
            of("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, List.of("sts"), true),
            of("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, List.of("ds"), true),
            of("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, List.of("rs"), true),
            of("batch", "v1", "jobs", "job", "Job", true, List.of(), true),
            of("batch", "v1", "cronjobs", "cronjob", "CronJob", true, List.of("cj"), true),
            of("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", true, List.of("ing"), true),
            of(
                    "networking.k8s.io",
                    "v1",
                    "networkpolicies",
                    "networkpolicy",
                    "NetworkPolicy",
                    true,
                    List.of("netpol"),
                    false),
            of("rbac.authorization.k8s.io", "v1", "roles", "role", "Role", true, List.of(), false),
            of("rbac.authorization.k8s.io", "v1", "rolebindings", "rolebinding", "RoleBinding", true, List.of(), false),
            of(
                    "rbac.authorization.k8s.io",
                    "v1",
                    "clusterroles",
                    "clusterrole",
                    "ClusterRole",
                    false,
                    List.of(),
                    false),
            of(
                    "rbac.authorization.k8s.io",
                    "v1",
                    "clusterrolebindings",
                    "clusterrolebinding",
                    "ClusterRoleBinding",
                    false,
                    List.of(),
                    false),
            CUSTOM_RESOURCE_DEFINITIONS,
            of(
                    "policy",
                    "v1",
                    "poddisruptionbudgets",
                    "poddisruptionbudget",
                    "PodDisruptionBudget",
                    true,
                    List.of("pdb"),
                    true),
            of(
                    "autoscaling",
                    "v2",
                    "horizontalpodautoscalers",
                    "horizontalpodautoscaler",
                    "HorizontalPodAutoscaler",
                    true,
                    List.of("hpa"),
                    true));

    private BuiltInResources() {}

    private static ResourceType core(
            String plural, String singular, String kind, boolean namespaced, List<String> shortNames, boolean status) {
        return of("", "v1", plural, singular, kind, namespaced, shortNames, status);
    }

    private static ResourceType of(
            String group,
            String version,
            String plural,
            String singular,
            String kind,
            boolean namespaced,
            List<String> shortNames,
            boolean status) {
        List<String> categories = IN_ALL.contains(plural) ? List.of("all") : List.of();
        return new ResourceType(
                group,
                version,
                plural,
                singular,
                kind,
                namespaced,
                shortNames,
                categories,
                status,
                true,
                SCALABLE.contains(plural) ? Optional.of(SCALE_PATHS) : Optional.empty());
    }
}
