package dev.plumbline.sandbox.kube;

import static dev.plumbline.sandbox.kube.RbacFixture.assertForbidden;
import static dev.plumbline.sandbox.kube.RbacFixture.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API server, not the client, enforces RBAC: an app's objects applied, read and pruned as a tenant's
 * ServiceAccount through fabric8's impersonation, as Plumbline's reconciler does, with the 403s Kubernetes gives.
 */
class RbacEnforcementTest {

    private static EmbeddedKubeApi api;
    private static KubernetesClient admin;
    private static KubernetesClient deployer;

    @BeforeAll
    static void start() {
        api = new EmbeddedKubeApi().start();
        admin = api.client();
        RbacFixture.teamADeployer(admin);
        deployer = api.impersonatingClient(RbacFixture.DEPLOYER);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void apply(String yaml) {
        RbacFixture.apply(admin, yaml);
    }

    private static void bind(String namespace, String name, String roleKind, String role, String subject) {
        RbacFixture.bind(admin, namespace, name, roleKind, role, subject);
    }

    @Test
    void aServiceAccountAppliesReadsListsAndWatchesWhatItsRoleAllows() {
        ConfigMap applied = deployer.resource(configMap("team-a", "settings")).serverSideApply();
        assertThat(applied.getData()).containsEntry("color", "blue");
        assertThat(deployer.configMaps()
                        .inNamespace("team-a")
                        .withName("settings")
                        .get()
                        .getData())
                .containsEntry("color", "blue");
        assertThat(deployer.configMaps().inNamespace("team-a").list().getItems())
                .extracting(item -> item.getMetadata().getName())
                .contains("settings");

        List<String> seen = new CopyOnWriteArrayList<>();
        try (var watch = deployer.configMaps().inNamespace("team-a").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                seen.add(action + " " + resource.getData().get("color"));
            }

            @Override
            public void onClose(WatcherException cause) {}
        })) {
            admin.resource(configMap("team-a", "settings")
                            .edit()
                            .withData(Map.of("color", "green"))
                            .build())
                    .forceConflicts()
                    .serverSideApply();
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("MODIFIED green"));
        }
    }

    @Test
    void aServiceAccountCannotDeleteWithoutTheVerb() {
        deployer.resource(configMap("team-a", "doomed")).serverSideApply();
        assertForbidden(
                () -> deployer.configMaps()
                        .inNamespace("team-a")
                        .withName("doomed")
                        .delete(),
                "configmaps \"doomed\" is forbidden: User \"system:serviceaccount:team-a:deployer\" cannot delete "
                        + "resource \"configmaps\" in API group \"\" in the namespace \"team-a\"");
        assertThat(admin.configMaps().inNamespace("team-a").withName("doomed").get())
                .isNotNull();
    }

    @Test
    void aServiceAccountCannotWriteOutsideItsNamespace() {
        for (String namespace : List.of("team-b", "kube-system")) {
            assertForbidden(
                    () -> deployer.resource(configMap(namespace, "settings")).serverSideApply(),
                    "configmaps \"settings\" is forbidden: User \"system:serviceaccount:team-a:deployer\" cannot "
                            + "patch resource \"configmaps\" in API group \"\" in the namespace \"" + namespace + "\"");
            assertThat(admin.configMaps()
                            .inNamespace(namespace)
                            .withName("settings")
                            .get())
                    .isNull();
        }
        assertForbidden(
                () -> deployer.configMaps().inAnyNamespace().list(),
                "configmaps is forbidden: User \"system:serviceaccount:team-a:deployer\" cannot list resource "
                        + "\"configmaps\" in API group \"\" at the cluster scope");
    }

    @Test
    void anApplyThatCreatesAlsoNeedsCreate() {
        apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: patcher, namespace: team-b}
                rules:
                - apiGroups: [""]
                  resources: [configmaps]
                  verbs: [get, patch]
                """);
        bind("team-b", "patcher", "Role", "patcher", "{kind: User, name: patcher}");
        KubernetesClient patcher = api.impersonatingClient("patcher");
        assertForbidden(
                () -> patcher.resource(configMap("team-b", "fresh")).serverSideApply(),
                "configmaps \"fresh\" is forbidden: ");
        admin.resource(configMap("team-b", "existing")).create();
        assertThat(patcher.resource(configMap("team-b", "existing"))
                        .forceConflicts()
                        .serverSideApply()
                        .getData())
                .containsEntry("color", "blue");
    }
}
