package dev.plumbline.sandbox.kube;

import static dev.plumbline.sandbox.kube.RbacFixture.assertForbidden;
import static dev.plumbline.sandbox.kube.RbacFixture.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How roles and bindings scope what a user may do: namespaces, resourceNames, subresources, groups. */
class RbacRulesTest {

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
    void aClusterRoleBoundInANamespaceGrantsOnlyThere() {
        apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: configmap-reader}
                rules:
                - apiGroups: [""]
                  resources: [configmaps]
                  verbs: [get, list]
                """);
        bind("team-b", "carol-reads", "ClusterRole", "configmap-reader", "{kind: User, name: carol}");
        KubernetesClient carol = api.impersonatingClient("carol");
        assertThat(carol.configMaps().inNamespace("team-b").list().getItems()).isNotNull();
        assertForbidden(
                () -> carol.configMaps().inNamespace("team-a").list(),
                "configmaps is forbidden: User \"carol\" cannot list resource \"configmaps\" in API group \"\" in the "
                        + "namespace \"team-a\"");
        assertForbidden(
                () -> carol.configMaps().inAnyNamespace().list(),
                "configmaps is forbidden: User \"carol\" cannot list resource \"configmaps\" in API group \"\" at the "
                        + "cluster scope");

        bind("", "carol-reads-everywhere", "ClusterRole", "configmap-reader", "{kind: User, name: carol}");
        admin.resource(configMap("team-a", "visible-everywhere")).create();
        assertThat(carol.configMaps().inAnyNamespace().list().getItems())
                .extracting(item -> item.getMetadata().getName())
                .contains("visible-everywhere");
    }

    @Test
    void resourceNamesLimitARuleToTheObjectsNamed() {
        admin.resource(configMap("team-b", "named")).createOr(existing -> existing.update());
        admin.resource(configMap("team-b", "unnamed")).createOr(existing -> existing.update());
        apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: one-configmap, namespace: team-b}
                rules:
                - apiGroups: [""]
                  resources: [configmaps]
                  resourceNames: [named]
                  verbs: [get, watch]
                """);
        bind("team-b", "dave-one-configmap", "Role", "one-configmap", "{kind: User, name: dave}");
        KubernetesClient dave = api.impersonatingClient("dave");
        assertThat(dave.configMaps().inNamespace("team-b").withName("named").get())
                .isNotNull();
        assertForbidden(
                () -> dave.configMaps()
                        .inNamespace("team-b")
                        .withName("unnamed")
                        .get(),
                "configmaps \"unnamed\" is forbidden: User \"dave\" cannot get resource \"configmaps\" in API group "
                        + "\"\" in the namespace \"team-b\"");
        assertForbidden(
                () -> dave.configMaps().inNamespace("team-b").list(),
                "configmaps is forbidden: User \"dave\" cannot list resource \"configmaps\" in API group \"\" in the "
                        + "namespace \"team-b\"");

        // a watch of one object selects it by metadata.name, which the rule's resourceNames allow
        List<String> seen = new CopyOnWriteArrayList<>();
        try (var watch = dave.configMaps()
                .inNamespace("team-b")
                .withName("named")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        seen.add(action.name());
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                })) {
            admin.configMaps().inNamespace("team-b").withName("named").edit(cm -> {
                cm.getData().put("size", "large");
                return cm;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("MODIFIED"));
        }
    }

    @Test
    void subresourcesAreAuthorizedOnTheirOwn() {
        apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: team-b}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: nginx}]}
                """);
        apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: scaler, namespace: team-b}
                rules:
                - apiGroups: [apps]
                  resources: [deployments]
                  verbs: [get]
                - apiGroups: [apps]
                  resources: [deployments/scale]
                  verbs: [get, patch, update]
                """);
        bind("team-b", "frank-scales", "Role", "scaler", "{kind: User, name: frank}");
        KubernetesClient frank = api.impersonatingClient("frank");
        frank.apps().deployments().inNamespace("team-b").withName("web").scale(3);
        assertThat(admin.apps()
                        .deployments()
                        .inNamespace("team-b")
                        .withName("web")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(3);
        assertForbidden(
                () -> frank.apps()
                        .deployments()
                        .inNamespace("team-b")
                        .withName("web")
                        .edit(deployment -> {
                            deployment.getSpec().setMinReadySeconds(5);
                            return deployment;
                        }),
                "deployments.apps \"web\" is forbidden: User \"frank\" cannot patch resource \"deployments\" in API "
                        + "group \"apps\" in the namespace \"team-b\"");
        assertForbidden(
                () -> frank.apps()
                        .deployments()
                        .inNamespace("team-b")
                        .withName("web")
                        .editStatus(deployment -> {
                            deployment.setStatus(new DeploymentStatusBuilder()
                                    .withReadyReplicas(1)
                                    .build());
                            return deployment;
                        }),
                "deployments.apps \"web\" is forbidden: User \"frank\" cannot patch resource \"deployments/status\" in "
                        + "API group \"apps\" in the namespace \"team-b\"");
    }

    @Test
    void aServiceAccountIsInItsNamespacesGroupUnlessGroupsAreImpersonatedToo() {
        apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: secret-lister, namespace: team-a}
                rules:
                - apiGroups: [""]
                  resources: [secrets]
                  verbs: [list]
                """);
        bind(
                "team-a",
                "team-a-accounts-list-secrets",
                "Role",
                "secret-lister",
                "{kind: Group, apiGroup: rbac.authorization.k8s.io, name: \"system:serviceaccounts:team-a\"}");
        assertThat(deployer.secrets().inNamespace("team-a").list().getItems()).isEmpty();
        KubernetesClient deployerInOtherGroup = api.impersonatingClient(RbacFixture.DEPLOYER, "auditors");
        assertForbidden(
                () -> deployerInOtherGroup.secrets().inNamespace("team-a").list(),
                "secrets is forbidden: User \"system:serviceaccount:team-a:deployer\" cannot list resource "
                        + "\"secrets\" in API group \"\" in the namespace \"team-a\"");
        assertThat(api.impersonatingClient("anyone", UserInfo.MASTERS)
                        .secrets()
                        .inNamespace("team-a")
                        .list())
                .isNotNull();
    }

    @Test
    void aBindingToAMissingRoleIsNamedInTheDenial() {
        bind("team-b", "erin-ghost", "Role", "ghost", "{kind: User, name: erin}");
        assertForbidden(
                () -> api.impersonatingClient("erin")
                        .configMaps()
                        .inNamespace("team-b")
                        .list(),
                "configmaps is forbidden: User \"erin\" cannot list resource \"configmaps\" in API group \"\" in the "
                        + "namespace \"team-b\": RBAC: role.rbac.authorization.k8s.io \"ghost\" not found");
    }

    @Test
    void aChangedRoleOrADeletedBindingTakesEffectAtOnce() {
        String role = """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: lister, namespace: team-b}
                rules:
                - apiGroups: [""]
                  resources: [configmaps]
                  verbs: [%s]
                """;
        apply(role.formatted("list"));
        bind("team-b", "gina-lists", "Role", "lister", "{kind: User, name: gina}");
        KubernetesClient gina = api.impersonatingClient("gina");
        String denied = "configmaps is forbidden: User \"gina\" cannot list resource \"configmaps\" in API group "
                + "\"\" in the namespace \"team-b\"";
        assertThat(gina.configMaps().inNamespace("team-b").list().getItems()).isNotNull();

        apply(role.formatted("get"));
        assertForbidden(() -> gina.configMaps().inNamespace("team-b").list(), denied);

        apply(role.formatted("list"));
        assertThat(gina.configMaps().inNamespace("team-b").list().getItems()).isNotNull();
        admin.rbac().roleBindings().inNamespace("team-b").withName("gina-lists").delete();
        assertForbidden(() -> gina.configMaps().inNamespace("team-b").list(), denied);
    }
}
