package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;

/** Roles, bindings and objects for the RBAC tests, written as the admin, and the 403s they expect. */
final class RbacFixture {

    /** The tenant's ServiceAccount most tests act as. */
    static final String DEPLOYER = "system:serviceaccount:team-a:deployer";

    private RbacFixture() {}

    /**
     * Namespaces team-a and team-b, and {@link #DEPLOYER} bound to a Role that creates, patches, gets, lists and
     * watches ConfigMaps in team-a, but never deletes them: the tenant of the reconciler's prune test.
     */
    static void teamADeployer(KubernetesClient admin) {
        for (String namespace : List.of("team-a", "team-b")) {
            namespace(admin, namespace);
        }
        apply(admin, """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: deployer, namespace: team-a}
                rules:
                - apiGroups: [""]
                  resources: [configmaps]
                  verbs: [create, patch, get, list, watch]
                """);
        bind(
                admin,
                "team-a",
                "deployer",
                "Role",
                "deployer",
                "{kind: ServiceAccount, name: deployer, namespace: team-a}");
    }

    static void apply(KubernetesClient admin, String yaml) {
        admin.resource(yaml).forceConflicts().serverSideApply();
    }

    static void namespace(KubernetesClient admin, String name) {
        apply(admin, "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + name + "}");
    }

    /** A RoleBinding in the namespace, or a ClusterRoleBinding when the namespace is empty. */
    static void bind(
            KubernetesClient admin, String namespace, String name, String roleKind, String role, String subject) {
        String kind = namespace.isEmpty() ? "ClusterRoleBinding" : "RoleBinding";
        String where = namespace.isEmpty() ? "" : ", namespace: " + namespace;
        apply(
                admin,
                "apiVersion: rbac.authorization.k8s.io/v1\nkind: " + kind + "\nmetadata: {name: " + name + where
                        + "}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: " + roleKind + ", name: " + role
                        + "}\n"
                        + "subjects: [" + subject + "]\n");
    }

    static ConfigMap configMap(String namespace, String name) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withData(Map.of("color", "blue"))
                .build();
    }

    /** The 403 a call gets, checked word for word. */
    static void assertForbidden(ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(403);
            assertThat(e.getStatus().getReason()).isEqualTo("Forbidden");
            assertThat(e.getStatus().getMessage()).isEqualTo(message);
        });
    }
}
