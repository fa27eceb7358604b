package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.LiveCluster.PATIENCE;
import static dev.plumbline.reconciler.testing.LiveCluster.condition;
import static dev.plumbline.reconciler.testing.Renders.application;
import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationSpecModel;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Syncs into a destination namespace that does not exist, against the embedded Kubernetes API and a real broker:
 * the failure a person reads, the sync that follows the namespace's creation, and {@code CreateNamespace=true}.
 */
@QuarkusTest
@WithTestResource(EmbeddedKafkaResource.class)
@WithTestResource(ApplicationsCluster.class)
@Tag("slow")
class SyncFailuresAcceptanceTest extends AcceptanceFixture {

    @Test
    void aMissingNamespaceIsOneSentenceAndTheAppSyncsOnceTheNamespaceIsCreated() {
        String app = "orphan";
        Application application = application(app, "orphan-ns", automated(false));
        // one retry, ten minutes away: only the namespace's creation can bring the sync within the test's patience
        application.getSpec().syncPolicy.retry = retry(1, "10m");
        create(application);

        kafka.send(
                render(app, "orphan-ns", "rev1", List.of(configMap(app, "orphan-ns", "settings", Map.of("k", "v")))));

        String sentence = "ConfigMap v1 orphan-ns/settings was not applied: namespace \"orphan-ns\" does not exist; "
                + "create it, or add syncOptions: [CreateNamespace=true] to the Application";
        ApplicationStatusModel failed =
                cluster.awaitStatus(app, s -> condition(s, "SyncFailed").isPresent() && !s.history.isEmpty());
        ApplicationStatusModel.Condition condition =
                condition(failed, "SyncFailed").orElseThrow();
        assertThat(condition.message).isEqualTo(sentence);
        assertThat(condition.reason).isEqualTo("NamespaceMissing");
        assertThat(failed.history.get(0).message).isEqualTo(sentence);
        ApplyAction action = kafka.awaitRecord(
                Topics.APPLY_ACTIONS,
                PATIENCE,
                ApplyAction.class,
                a -> app.equals(a.app()) && "failed".equals(a.result().label()));
        assertThat(action.error()).isEqualTo(sentence);

        cluster.namespace("orphan-ns");

        cluster.awaitConfigMap(
                "orphan-ns", "settings", map -> "v".equals(map.getData().get("k")));
        ApplicationStatusModel synced = cluster.awaitStatus(
                app,
                s -> s.sync != null
                        && "synced".equals(s.sync.status)
                        && condition(s, "SyncFailed").isEmpty());
        assertThat(synced.history.get(0).result).isEqualTo("succeeded");
        assertThat(synced.history.get(0).trigger).isEqualTo("automated");
    }

    @Test
    void createNamespaceTrueCreatesTheMissingDestinationAndLeavesItUntracked() {
        String app = "fresh";
        Application application = application(app, "fresh-ns", automated(true));
        application.getSpec().syncPolicy.syncOptions = List.of("CreateNamespace=true");
        create(application);

        kafka.send(render(app, "fresh-ns", "rev1", List.of(configMap(app, "fresh-ns", "settings", Map.of("k", "v")))));

        cluster.awaitConfigMap("fresh-ns", "settings", map -> true);
        Namespace namespace = api.client().namespaces().withName("fresh-ns").get();
        assertThat(namespace.getMetadata().getManagedFields()).anySatisfy(entry -> {
            assertThat(entry.getManager()).isEqualTo("plumbline");
            assertThat(entry.getOperation()).isEqualTo("Apply");
        });
        assertThat(namespace.getMetadata().getLabels())
                .as("not tracked, so never pruned")
                .doesNotContainKey("app.kubernetes.io/managed-by");
        ApplicationStatusModel synced =
                cluster.awaitStatus(app, s -> s.sync != null && "synced".equals(s.sync.status) && !s.history.isEmpty());
        assertThat(synced.history.get(0).result).isEqualTo("succeeded");
    }

    @Test
    void anUnknownSyncOptionIsAConditionNamingIt() {
        String app = "typo";
        Application application = application(app, app, automated(true));
        application.getSpec().syncPolicy.syncOptions = List.of("CreateNamespce=true");
        cluster.namespace(app);
        api.client()
                .resources(Application.class)
                .inNamespace("plumbline")
                .resource(application)
                .create();

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "InvalidSpec").isPresent());

        assertThat(condition(status, "InvalidSpec").orElseThrow().message)
                .contains("spec.syncPolicy.syncOptions", "\"CreateNamespce=true\"", "CreateNamespace=true");
    }

    private void create(Application application) {
        api.client()
                .resources(Application.class)
                .inNamespace("plumbline")
                .resource(application)
                .create();
        String app = application.getMetadata().getName();
        await().atMost(PATIENCE).until(() -> given().get("/api/apps/" + app).statusCode() == 200);
    }

    private static ApplicationSpecModel.RetryPolicy retry(int limit, String backoff) {
        ApplicationSpecModel.RetryPolicy retry = new ApplicationSpecModel.RetryPolicy();
        retry.limit = limit;
        retry.backoff = new ApplicationSpecModel.Backoff();
        retry.backoff.duration = backoff;
        retry.backoff.maxDuration = backoff;
        return retry;
    }
}
