package dev.plumbline.sandbox.kube;

import static dev.plumbline.sandbox.kube.RbacFixture.assertForbidden;
import static dev.plumbline.sandbox.kube.RbacFixture.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Aggregated ClusterRoles, as kube-controller-manager's clusterrole-aggregation controller keeps them: the rules of
 * a ClusterRole with an {@code aggregationRule} are the union of those of the ClusterRoles its selectors match,
 * written into the object and followed by RBAC as labelled ClusterRoles come, change and go.
 */
class ClusterRoleAggregationTest {

    private static final String DEPLOYER = "system:serviceaccount:team-a:deployer";
    private static final String CONFIGMAPS_RULE = "- {apiGroups: [\"\"], resources: [configmaps], verbs: [get, list]}";

    private EmbeddedKubeApi api;
    private KubernetesClient admin;
    private KubernetesClient deployer;

    @BeforeEach
    void start() {
        api = new EmbeddedKubeApi().start();
        admin = api.client();
        RbacFixture.namespace(admin, "team-a");
        deployer = api.impersonatingClient(DEPLOYER);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** As deploy/ declares it. */
    private static final String DEPLOYER_ROLE = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: plumbline-deployer}
            aggregationRule:
              clusterRoleSelectors:
              - matchLabels: {plumbline.dev/aggregate-to-deployer: "true"}
            rules: []
            """;

    @Test
    void aClusterRoleLabelledAfterTheBindingGrantsAtOnceAndItsDeletionTakesItAway() {
        apply(DEPLOYER_ROLE);
        RbacFixture.bind(
                admin,
                "team-a",
                "deployer",
                "ClusterRole",
                "plumbline-deployer",
                "{kind: ServiceAccount, name: deployer, namespace: team-a}");
        String denied = "configmaps is forbidden: User \"" + DEPLOYER
                + "\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"team-a\"";
        assertForbidden(() -> deployer.configMaps().inNamespace("team-a").list(), denied);

        labelledRole("deployer-configmaps", "plumbline.dev/aggregate-to-deployer: \"true\"", CONFIGMAPS_RULE);

        assertThat(deployer.configMaps().inNamespace("team-a").list().getItems())
                .isEmpty();
        ClusterRole aggregate = clusterRole("plumbline-deployer");
        assertThat(aggregate.getRules()).containsExactly(rule(List.of(""), List.of("configmaps"), "get", "list"));
        ManagedFieldsEntry written = aggregate.getMetadata().getManagedFields().stream()
                .filter(entry -> entry.getManager().equals("clusterrole-aggregation-controller"))
                .findFirst()
                .orElseThrow();
        assertThat(written.getOperation()).isEqualTo("Apply");
        assertThat(written.getFieldsV1().getAdditionalProperties()).containsOnlyKeys("f:rules");
        // kubectl apply --server-side sends the empty list, which the controller's rules now differ from
        KubeHttp.Answer reapplied = new KubeHttp(api)
                .apply(
                        "/apis/rbac.authorization.k8s.io/v1/clusterroles/plumbline-deployer",
                        "kubectl",
                        false,
                        DEPLOYER_ROLE);
        assertThat(reapplied.code()).isEqualTo(409);
        assertThat(reapplied.body().path("message").asText())
                .isEqualTo(
                        "Apply failed with 1 conflict: conflict with \"clusterrole-aggregation-controller\": .rules");

        admin.rbac().clusterRoles().withName("deployer-configmaps").delete();

        assertForbidden(() -> deployer.configMaps().inNamespace("team-a").list(), denied);
        assertThat(clusterRole("plumbline-deployer").getRules()).isEmpty();
    }

    @Test
    void rulesFollowALabelledRoleAsItChangesAndAsItLosesItsLabel() {
        aggregate("reader", "- matchLabels: {aggregate-to-reader: \"true\"}");
        labelledRole("reads-configmaps", "aggregate-to-reader: \"true\"", CONFIGMAPS_RULE);
        RbacFixture.bind(admin, "team-a", "reader", "ClusterRole", "reader", "{kind: User, name: carol}");
        KubernetesClient carol = api.impersonatingClient("carol");

        labelledRole(
                "reads-configmaps",
                "aggregate-to-reader: \"true\"",
                "- {apiGroups: [\"\"], resources: [configmaps], verbs: [get, list, create]}");
        carol.configMaps()
                .inNamespace("team-a")
                .resource(configMap("team-a", "made"))
                .create();
        assertThat(clusterRole("reader").getRules())
                .containsExactly(rule(List.of(""), List.of("configmaps"), "get", "list", "create"));

        labelledRole("reads-configmaps", "something-else: \"true\"", CONFIGMAPS_RULE);
        assertThat(clusterRole("reader").getRules()).isEmpty();
        assertForbidden(
                () -> carol.configMaps().inNamespace("team-a").withName("made").get(),
                "configmaps \"made\" is forbidden: User \"carol\" cannot get resource \"configmaps\" in API group \"\" "
                        + "in the namespace \"team-a\"");
    }

    @Test
    void rulesAreTheUnionInSelectorThenNameOrderWithEachRuleOnce() {
        labelledRole(
                "b-secrets",
                "tier: one",
                "- {apiGroups: [\"\"], resources: [secrets], verbs: [get]}\n" + CONFIGMAPS_RULE);
        labelledRole("a-configmaps", "tier: one", CONFIGMAPS_RULE);
        labelledRole(
                "a-deployments",
                "tier: two",
                "- {apiGroups: [apps], resources: [deployments], verbs: [get]}\n" + CONFIGMAPS_RULE);

        aggregate("union", "- matchLabels: {tier: two}\n- matchLabels: {tier: one}");

        assertThat(clusterRole("union").getRules())
                .containsExactly(
                        rule(List.of("apps"), List.of("deployments"), "get"),
                        rule(List.of(""), List.of("configmaps"), "get", "list"),
                        rule(List.of(""), List.of("secrets"), "get"));
    }

    @Test
    void anAggregateThatMatchesItsOwnSelectorIsLeftOutOfItsUnion() {
        apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: selfish
                  labels: {team: x}
                aggregationRule:
                  clusterRoleSelectors:
                  - matchLabels: {team: x}
                """);
        labelledRole("team-x-configmaps", "team: x", CONFIGMAPS_RULE);
        assertThat(clusterRole("selfish").getRules())
                .containsExactly(rule(List.of(""), List.of("configmaps"), "get", "list"));

        admin.rbac().clusterRoles().withName("team-x-configmaps").delete();

        assertThat(clusterRole("selfish").getRules()).isEmpty();
    }

    @Test
    void matchExpressionsSelectWithInNotInExistsAndDoesNotExist() {
        // every role of the test carries set: t, so that NotIn and DoesNotExist leave the default roles out
        labelledRole("env-prod", "{set: t, env: prod}", rules("prod"));
        labelledRole("env-dev", "{set: t, env: dev}", rules("dev"));
        labelledRole("env-dev-private", "{set: t, env: dev, private: \"yes\"}", rules("private"));
        labelledRole("no-env", "{set: t}", rules("none"));

        aggregate("in-prod", "- matchExpressions: [{key: env, operator: In, values: [prod, staging]}]");
        aggregate("not-in-prod", """
                - matchLabels: {set: t}
                  matchExpressions: [{key: env, operator: NotIn, values: [prod]}]
                """);
        aggregate("has-env-public", """
                - matchExpressions:
                  - {key: env, operator: Exists}
                  - {key: private, operator: DoesNotExist}
                """);
        aggregate("dev-and-private", """
                - matchLabels: {env: dev}
                  matchExpressions: [{key: private, operator: Exists}]
                """);

        assertThat(resourcesOf("in-prod")).containsExactly("prod");
        assertThat(resourcesOf("not-in-prod")).containsExactly("dev", "private", "none");
        assertThat(resourcesOf("has-env-public")).containsExactly("dev", "prod");
        assertThat(resourcesOf("dev-and-private")).containsExactly("private");
    }

    @Test
    void aggregatesOfAggregatesFollowAsTheDefaultViewEditAndAdminRolesDo() {
        labelledRole("project-viewer", "rbac.authorization.k8s.io/aggregate-to-view: \"true\"", CONFIGMAPS_RULE);
        RbacFixture.bind(admin, "team-a", "carol-admin", "ClusterRole", "admin", "{kind: User, name: carol}");

        assertThat(api.impersonatingClient("carol")
                        .configMaps()
                        .inNamespace("team-a")
                        .list()
                        .getItems())
                .isEmpty();
        for (String role : List.of("view", "edit", "admin")) {
            assertThat(clusterRole(role).getRules())
                    .as(role)
                    .containsExactly(rule(List.of(""), List.of("configmaps"), "get", "list"));
        }
    }

    @Test
    void theDefaultUserFacingRolesAreAggregatesFromTheStart() {
        assertThat(clusterRole("admin")
                        .getAggregationRule()
                        .getClusterRoleSelectors()
                        .get(0)
                        .getMatchLabels())
                .isEqualTo(Map.of("rbac.authorization.k8s.io/aggregate-to-admin", "true"));
        assertThat(clusterRole("edit").getMetadata().getLabels())
                .containsEntry("rbac.authorization.k8s.io/aggregate-to-admin", "true");
        assertThat(clusterRole("view").getMetadata().getLabels())
                .containsEntry("rbac.authorization.k8s.io/aggregate-to-edit", "true")
                .containsEntry("kubernetes.io/bootstrapping", "rbac-defaults");
        assertThat(clusterRole("view")
                        .getAggregationRule()
                        .getClusterRoleSelectors()
                        .get(0)
                        .getMatchLabels())
                .isEqualTo(Map.of("rbac.authorization.k8s.io/aggregate-to-view", "true"));
    }

    @Test
    void aWatchSeesTheAggregateModifiedWithItsNewRules() {
        aggregate("watched", "- matchLabels: {watched: \"true\"}");
        List<ClusterRole> modified = new CopyOnWriteArrayList<>();
        try (Watch ignored = admin.rbac().clusterRoles().withName("watched").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ClusterRole role) {
                if (action == Action.MODIFIED) {
                    modified.add(role);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // the test closes it
            }
        })) {
            labelledRole("feeds-watched", "watched: \"true\"", CONFIGMAPS_RULE);

            await().atMost(Duration.ofSeconds(10)).until(() -> !modified.isEmpty());
            assertThat(modified.get(0).getRules())
                    .containsExactly(rule(List.of(""), List.of("configmaps"), "get", "list"));
        }
    }

    @Test
    void aSelectorKubernetesWouldRefuseIsA422NamingTheField() {
        assertInvalid(
                """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: broken}
                aggregationRule:
                  clusterRoleSelectors:
                  - matchExpressions: [{key: env, operator: Equals, values: [prod]}]
                """,
                "ClusterRole.rbac.authorization.k8s.io \"broken\" is invalid: [aggregationRule.clusterRoleSelectors[0]"
                        + ".matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator, "
                        + "aggregationRule.clusterRoleSelectors[0]: Invalid value: \"null\": invalid label selector.]");
        assertInvalid(
                """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: broken}
                aggregationRule: {clusterRoleSelectors: []}
                """,
                "ClusterRole.rbac.authorization.k8s.io \"broken\" is invalid: aggregationRule.clusterRoleSelectors: "
                        + "Required value: at least one clusterRoleSelector required if aggregationRule is non-nil");
        assertInvalid(
                """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: broken}
                aggregationRule:
                  clusterRoleSelectors:
                  - matchExpressions: [{key: env, operator: In}, {key: tier, operator: Exists, values: [a]}]
                """,
                "ClusterRole.rbac.authorization.k8s.io \"broken\" is invalid: ["
                        + "aggregationRule.clusterRoleSelectors[0].matchExpressions[0].values: Required value: must be "
                        + "specified when `operator` is 'In' or 'NotIn', "
                        + "aggregationRule.clusterRoleSelectors[0].matchExpressions[1].values: Forbidden: may not be "
                        + "specified when `operator` is 'Exists' or 'DoesNotExist', "
                        + "aggregationRule.clusterRoleSelectors[0]: Invalid value: \"null\": invalid label selector.]");
        assertThat(admin.rbac().clusterRoles().withName("broken").get()).isNull();
    }

    @Test
    void anUnquotedLabelValueInASelectorIsA400SayingToQuoteIt() {
        KubeHttp.Answer answer = new KubeHttp(api)
                .apply("/apis/rbac.authorization.k8s.io/v1/clusterroles/unquoted", "tests", false, """
                        apiVersion: rbac.authorization.k8s.io/v1
                        kind: ClusterRole
                        metadata: {name: unquoted}
                        aggregationRule:
                          clusterRoleSelectors:
                          - matchLabels: {plumbline.dev/aggregate-to-deployer: true}
                        """);

        assertThat(answer.code()).isEqualTo(400);
        assertThat(answer.body().path("message").asText())
                .isEqualTo("ClusterRole in version \"v1\" cannot be handled as a ClusterRole: aggregationRule."
                        + "clusterRoleSelectors[0].matchLabels.plumbline.dev/aggregate-to-deployer must be a string, "
                        + "not true: quote it, as \"true\"");
    }

    private void assertInvalid(String yaml, String message) {
        assertThatThrownBy(() -> apply(yaml)).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
            assertThat(e.getStatus().getMessage()).isEqualTo(message);
        });
    }

    private void apply(String yaml) {
        RbacFixture.apply(admin, yaml);
    }

    private void aggregate(String name, String selectors) {
        apply("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: " + name
                + "}\naggregationRule:\n  clusterRoleSelectors:\n" + selectors.indent(2));
    }

    private void labelledRole(String name, String labels, String rules) {
        String labelMap = labels.startsWith("{") ? labels : "{" + labels + "}";
        apply("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: " + name + ", labels: "
                + labelMap + "}\nrules:\n" + rules + "\n");
    }

    /** A rule on the single resource named, for telling which roles a selector took in. */
    private static String rules(String resource) {
        return "- {apiGroups: [example.com], resources: [" + resource + "], verbs: [get]}";
    }

    private List<String> resourcesOf(String aggregate) {
        return clusterRole(aggregate).getRules().stream()
                .map(rule -> rule.getResources().get(0))
                .toList();
    }

    private ClusterRole clusterRole(String name) {
        return admin.rbac().clusterRoles().withName(name).get();
    }

    private static PolicyRule rule(List<String> groups, List<String> resources, String... verbs) {
        return new PolicyRuleBuilder()
                .withApiGroups(groups)
                .withResources(resources)
                .withVerbs(verbs)
                .build();
    }
}
