package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ClusterRoles and ClusterRoleBindings kube-apiserver creates at start that matter to a client:
 * {@code cluster-admin} for {@value UserInfo#MASTERS}; {@code system:discovery}, {@code system:basic-user}
 * (access reviews about oneself) and {@code system:public-info-viewer} for every authenticated user. They are
 * ordinary objects, listed, changed and deleted like any other, as in a cluster.
 */
final class BootstrapPolicy {

    private static final String METADATA = """
            metadata:
              name: "%s"
              labels: {kubernetes.io/bootstrapping: rbac-defaults}
              annotations: {rbac.authorization.kubernetes.io/autoupdate: "true"}
            """;

    private static final List<String> CLUSTER_ROLES = List.of(
            role("cluster-admin", """
                    - apiGroups: ["*"]
                      resources: ["*"]
                      verbs: ["*"]
                    - nonResourceURLs: ["*"]
                      verbs: ["*"]
                    """),
            role("system:discovery", """
                    - nonResourceURLs: [/api, /api/*, /apis, /apis/*, /healthz, /livez, /openapi, /openapi/*, \
                    /readyz, /version, /version/]
                      verbs: [get]
                    """),
            role("system:basic-user", """
                    - apiGroups: [authorization.k8s.io]
                      resources: [selfsubjectaccessreviews, selfsubjectrulesreviews]
                      verbs: [create]
                    - apiGroups: [authentication.k8s.io]
                      resources: [selfsubjectreviews]
                      verbs: [create]
                    """),
            role("system:public-info-viewer", """
                    - nonResourceURLs: [/healthz, /livez, /readyz, /version, /version/]
                      verbs: [get]
                    """));

    private static final List<String> CLUSTER_ROLE_BINDINGS = List.of(
            binding("cluster-admin", UserInfo.MASTERS),
            binding("system:discovery", UserInfo.AUTHENTICATED),
            binding("system:basic-user", UserInfo.AUTHENTICATED),
            binding("system:public-info-viewer", UserInfo.AUTHENTICATED, UserInfo.UNAUTHENTICATED));

    private BootstrapPolicy() {}

    static List<JsonNode> clusterRoles() {
        return CLUSTER_ROLES.stream().map(KubeJson::readYaml).toList();
    }

    static List<JsonNode> clusterRoleBindings() {
        return CLUSTER_ROLE_BINDINGS.stream().map(KubeJson::readYaml).toList();
    }

    private static String role(String name, String rules) {
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                + METADATA.formatted(name)
                + "rules:\n" + rules;
    }

    private static String binding(String name, String... groups) {
        List<String> subjects = new ArrayList<>();
        for (String group : groups) {
            subjects.add("- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: \"" + group + "\"}\n");
        }
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n"
                + METADATA.formatted(name)
                + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: \"" + name + "\"}\n"
                + "subjects:\n" + String.join("", subjects);
    }
}
