package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.LiveCluster.PATIENCE;
import static dev.plumbline.reconciler.testing.LiveCluster.condition;
import static dev.plumbline.reconciler.testing.Renders.application;
import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A project whose Applications are applied and pruned as its ServiceAccount, against the embedded Kubernetes API
 * (which enforces RBAC for impersonated requests) and a real broker: what the ServiceAccount's Role does not grant,
 * the API server refuses, and the Application says which verb, object and ServiceAccount.
 */
@QuarkusTest
@WithTestResource(EmbeddedKafkaResource.class)
@WithTestResource(ApplicationsCluster.class)
@Tag("slow")
class ImpersonationAcceptanceTest extends AcceptanceFixture {

    private static final String DEPLOYER = "system:serviceaccount:team-a:deployer";

    @Test
    void aPruneTheServiceAccountMayNotDoFailsNamingItAndDeletesNothing() {
        String app = "team-a-settings";
        cluster.deploy(ofTeamA(application(app, "team-a", automated(true))));
        kafka.send(render(
                app,
                "team-a",
                "rev1",
                List.of(
                        configMap(app, "team-a", "settings", Map.of("k", "v")),
                        configMap(app, "team-a", "old-settings", Map.of("k", "old")),
                        configMap(app, "team-a", "older-settings", Map.of("k", "older")))));
        cluster.awaitConfigMap("team-a", "old-settings", map -> true);
        cluster.awaitConfigMap("team-a", "older-settings", map -> true);

        kafka.send(render(app, "team-a", "rev2", List.of(configMap(app, "team-a", "settings", Map.of("k", "v")))));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "Forbidden").isPresent());
        ApplicationStatusModel.Condition forbidden =
                condition(status, "Forbidden").orElseThrow();
        assertThat(forbidden.reason).isEqualTo("ServiceAccountForbidden");
        assertThat(forbidden.message)
                .startsWith("the API server refused to delete ConfigMap team-a/")
                .contains(" as " + DEPLOYER, "grant the ServiceAccount delete on configmaps in namespace team-a")
                .doesNotContain("Exception", "\tat ");
        ApplyAction refused = kafka.awaitRecord(
                Topics.APPLY_ACTIONS,
                PATIENCE,
                ApplyAction.class,
                action -> app.equals(action.app())
                        && action.operation() == ApplyOperation.PRUNE
                        && action.result() == ApplyResult.FAILED);
        assertThat(refused.error()).isEqualTo(forbidden.message);
        ApplyAction skipped = kafka.awaitRecord(
                Topics.APPLY_ACTIONS,
                PATIENCE,
                ApplyAction.class,
                action -> app.equals(action.app())
                        && action.operation() == ApplyOperation.PRUNE
                        && action.result() != ApplyResult.FAILED);
        assertThat(skipped.result())
                .as("nothing is deleted after a refused delete")
                .isEqualTo(ApplyResult.SKIPPED);
        assertThat(cluster.configMap("team-a", "old-settings")).isPresent();
        assertThat(cluster.configMap("team-a", "older-settings")).isPresent();
        assertThat(cluster.configMap("team-a", "settings"))
                .hasValueSatisfying(map -> assertThat(map.getData()).containsEntry("k", "v"));
    }

    @Test
    void aWriteToANamespaceWhereTheServiceAccountHasNoRoleIsRefusedByTheApiServer() {
        String app = "team-a-extra";
        cluster.deploy(ofTeamA(application(app, "team-a-extra", automated(true))));

        kafka.send(render(
                app, "team-a-extra", "rev1", List.of(configMap(app, "team-a-extra", "settings", Map.of("k", "v")))));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "Forbidden").isPresent());
        assertThat(condition(status, "Forbidden").orElseThrow().message)
                .startsWith("the API server refused to ")
                .contains("ConfigMap team-a-extra/settings as " + DEPLOYER, "in namespace team-a-extra");
        assertThat(cluster.configMap("team-a-extra", "settings")).isEmpty();
    }

    private static Application ofTeamA(Application application) {
        application.getSpec().project = "team-a";
        return application;
    }

    /**
     * Project team-a deploys into team-a* as ServiceAccount team-a:deployer, whose Role in team-a writes ConfigMaps
     * but may not delete them, and who has no Role anywhere else.
     */
    @BeforeEach
    void teamA() {
        cluster.namespace("team-a");
        var client = api.client();
        client.serviceAccounts()
                .inNamespace("team-a")
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName("deployer")
                        .endMetadata()
                        .build())
                .createOr(existing -> existing.update());
        client.rbac()
                .roles()
                .inNamespace("team-a")
                .resource(new RoleBuilder()
                        .withNewMetadata()
                        .withName("configmap-writer")
                        .endMetadata()
                        .withRules(new PolicyRuleBuilder()
                                .withApiGroups("")
                                .withResources("configmaps")
                                .withVerbs("get", "list", "watch", "create", "patch", "update")
                                .build())
                        .build())
                .createOr(existing -> existing.update());
        client.rbac()
                .roleBindings()
                .inNamespace("team-a")
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName("deployer-writes-configmaps")
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "Role", "configmap-writer")
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withName("deployer")
                        .withNamespace("team-a")
                        .endSubject()
                        .build())
                .createOr(existing -> existing.update());
        client.resource("""
                        apiVersion: plumbline.dev/v1alpha1
                        kind: Project
                        metadata: {name: team-a, namespace: plumbline}
                        spec:
                          sourceRepos: ["https://git.example.com/**"]
                          destinations: [{namespace: "team-a*"}]
                          serviceAccount: "team-a:deployer"
                          clusterResources: []
                        """).createOr(existing -> existing.update());
    }
}
