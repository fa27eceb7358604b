package dev.plumbline.renderer.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.manifest.GroupKind;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which kinds are cluster-scoped, known without a cluster: the built-in Kubernetes kinds, plus the custom kinds
 * whose CustomResourceDefinition with {@code spec.scope: Cluster} is in the same render. A custom kind defined
 * elsewhere is taken as namespaced, as most are; Kubernetes refuses the namespace on apply if it is not.
 */
public final class ClusterScope {

    private static final Set<GroupKind> BUILT_IN = Set.of(
            new GroupKind("", "Namespace"),
            new GroupKind("", "Node"),
            new GroupKind("", "PersistentVolume"),
            new GroupKind("", "ComponentStatus"),
            new GroupKind("rbac.authorization.k8s.io", "ClusterRole"),
            new GroupKind("rbac.authorization.k8s.io", "ClusterRoleBinding"),
            new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition"),
            new GroupKind("apiregistration.k8s.io", "APIService"),
            new GroupKind("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
            new GroupKind("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
            new GroupKind("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"),
            new GroupKind("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
            new GroupKind("admissionregistration.k8s.io", "MutatingAdmissionPolicy"),
            new GroupKind("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"),
            new GroupKind("storage.k8s.io", "StorageClass"),
            new GroupKind("storage.k8s.io", "CSIDriver"),
            new GroupKind("storage.k8s.io", "CSINode"),
            new GroupKind("storage.k8s.io", "VolumeAttachment"),
            new GroupKind("storage.k8s.io", "VolumeAttributesClass"),
            new GroupKind("scheduling.k8s.io", "PriorityClass"),
            new GroupKind("node.k8s.io", "RuntimeClass"),
            new GroupKind("networking.k8s.io", "IngressClass"),
            new GroupKind("networking.k8s.io", "IPAddress"),
            new GroupKind("networking.k8s.io", "ServiceCIDR"),
            new GroupKind("certificates.k8s.io", "CertificateSigningRequest"),
            new GroupKind("certificates.k8s.io", "ClusterTrustBundle"),
            new GroupKind("flowcontrol.apiserver.k8s.io", "FlowSchema"),
            new GroupKind("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
            new GroupKind("resource.k8s.io", "DeviceClass"),
            new GroupKind("policy", "PodSecurityPolicy"),
            new GroupKind("authentication.k8s.io", "TokenReview"),
            new GroupKind("authentication.k8s.io", "SelfSubjectReview"),
            new GroupKind("authorization.k8s.io", "SubjectAccessReview"),
            new GroupKind("authorization.k8s.io", "SelfSubjectAccessReview"),
            new GroupKind("authorization.k8s.io", "SelfSubjectRulesReview"));

    private final Set<GroupKind> clusterScoped;

    private ClusterScope(Set<GroupKind> clusterScoped) {
        this.clusterScoped = clusterScoped;
    }

    /** The built-in table plus the cluster-scoped kinds defined by CustomResourceDefinitions among these objects. */
    public static ClusterScope of(Collection<SourceObject> objects) {
        Set<GroupKind> kinds = new HashSet<>(BUILT_IN);
        for (SourceObject object : objects) {
            JsonNode body = object.body();
            if ("CustomResourceDefinition".equals(body.path("kind").asText())
                    && body.path("apiVersion").asText().startsWith("apiextensions.k8s.io/")
                    && "Cluster".equals(body.path("spec").path("scope").asText())) {
                kinds.add(new GroupKind(
                        body.path("spec").path("group").asText(),
                        body.path("spec").path("names").path("kind").asText()));
            }
        }
        return new ClusterScope(kinds);
    }

    public boolean isClusterScoped(String group, String kind) {
        return clusterScoped.contains(new GroupKind(group, kind));
    }
}
