package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.LiveCluster.condition;
import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.LiveCluster;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The reconciler against the embedded Kubernetes API and a real broker: renders in, objects and status out. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApplicationsCluster.class, restrictToAnnotatedClass = true)
@Tag("slow")
class SyncAcceptanceTest extends AcceptanceFixture {

    private static final Duration PATIENCE = LiveCluster.PATIENCE;

    @Inject
    MeterRegistry metrics;

    @Test
    void aRenderedAppIsAppliedWithItsTrackingMarksAndPlumblineOwnsItsFields() {
        String app = "applied";
        cluster.deploy(app, automated(true));
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("color", "blue")))));

        ConfigMap live = cluster.awaitConfigMap(
                app, "settings", map -> "blue".equals(map.getData().get("color")));
        assertThat(live.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "plumbline");
        assertThat(live.getMetadata().getAnnotations()).containsEntry("plumbline.dev/app", app);
        assertThat(live.getMetadata().getManagedFields()).anySatisfy(entry -> {
            assertThat(entry.getManager()).isEqualTo("plumbline");
            assertThat(entry.getOperation()).isEqualTo("Apply");
        });
        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> s.sync != null && "synced".equals(s.sync.status) && !s.history.isEmpty());
        assertThat(status.sync.revision).isEqualTo("rev1");
        assertThat(status.history.get(0).trigger).isEqualTo("automated");
        assertThat(status.history.get(0).initiatedBy).isEqualTo("plumbline");
        assertThat(status.history.get(0).result).isEqualTo("succeeded");
    }

    @Test
    void theSameRenderDeliveredAgainSendsZeroWriteRequests() {
        String app = "steady";
        cluster.deploy(app, automated(true));
        List<RenderedObject> objects = List.of(
                configMap(app, app, "one", Map.of("k", "v")),
                configMap(app, app, "two", Map.of("k", "v")),
                configMap(app, app, "three", Map.of("k", "v")));
        kafka.send(render(app, "rev1", objects));
        cluster.awaitStatus(app, s -> s.sync != null && "synced".equals(s.sync.status) && !s.history.isEmpty());
        cluster.awaitQuiet();
        long writes = api.traffic().writes();
        long gets = api.traffic().count("GET");
        double reconciles = reconciles();

        kafka.send(render(app, "rev1", objects));

        await().atMost(PATIENCE).until(() -> reconciles() > reconciles && reconciler.idle());
        assertThat(api.traffic().writes())
                .as("write requests for an unchanged render")
                .isEqualTo(writes);
        assertThat(api.traffic().count("GET"))
                .as("GET requests for an unchanged render")
                .isEqualTo(gets);
    }

    @Test
    void aFieldRemovedInGitIsRemovedFromTheLiveObject() {
        String app = "field-removed";
        cluster.deploy(app, automated(false));
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("a", "1", "b", "2")))));
        cluster.awaitConfigMap(app, "settings", map -> map.getData().containsKey("b"));

        kafka.send(render(app, "rev2", List.of(configMap(app, app, "settings", Map.of("a", "1")))));

        cluster.awaitConfigMap(
                app,
                "settings",
                map -> !map.getData().containsKey("b")
                        && "1".equals(map.getData().get("a")));
        cluster.awaitStatus(
                app, s -> s.sync != null && "synced".equals(s.sync.status) && "rev2".equals(s.sync.revision));
    }

    @Test
    void anObjectRemovedInGitIsPrunedWhenPruneIsOn() {
        String app = "prune-on";
        cluster.deploy(app, automated(true));
        kafka.send(render(
                app, "rev1", List.of(configMap(app, app, "keep", Map.of()), configMap(app, app, "gone", Map.of()))));
        cluster.awaitConfigMap(app, "gone", map -> true);

        kafka.send(render(app, "rev2", List.of(configMap(app, app, "keep", Map.of()))));

        await().atMost(PATIENCE).until(() -> cluster.configMap(app, "gone").isEmpty());
        assertThat(cluster.configMap(app, "keep")).isPresent();
        ApplicationStatusModel status = cluster.awaitStatus(app, s -> s.history.size() >= 2);
        assertThat(status.history.get(0).pruned).isEqualTo(1);
    }

    @Test
    void anObjectRemovedInGitIsKeptWhenPruneIsOff() {
        String app = "prune-off";
        cluster.deploy(app, automated(false));
        kafka.send(render(
                app, "rev1", List.of(configMap(app, app, "keep", Map.of()), configMap(app, app, "stays", Map.of()))));
        cluster.awaitConfigMap(app, "stays", map -> true);

        kafka.send(render(app, "rev2", List.of(configMap(app, app, "keep", Map.of()))));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "PruneWithheld").isPresent());
        assertThat(condition(status, "PruneWithheld").get().message).contains("prune is off", "stays");
        assertThat(status.sync.status).isEqualTo("out-of-sync");
        assertThat(cluster.configMap(app, "stays")).isPresent();
    }

    @Test
    void anEmptyRenderPrunesNothingWithoutAllowEmpty() {
        String app = "empty-render";
        cluster.deploy(app, automated(true));
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "precious", Map.of("k", "v")))));
        cluster.awaitConfigMap(app, "precious", map -> true);

        kafka.send(render(app, "rev2", List.of()));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "PruneWithheld").isPresent());
        assertThat(condition(status, "PruneWithheld").get().reason).isEqualTo("EmptyRender");
        assertThat(cluster.configMap(app, "precious")).isPresent();
    }

    @Test
    void aManualAppGetsADiffAndNoWrite() {
        String app = "manual";
        cluster.deploy(app, null);
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("k", "v")))));

        cluster.awaitStatus(app, s -> s.sync != null && "out-of-sync".equals(s.sync.status));
        given().get("/api/apps/" + app + "/diff")
                .then()
                .statusCode(200)
                .body("syncStatus", equalTo("out-of-sync"))
                .body("objects[0].change", equalTo("create"));
        assertThat(cluster.configMap(app, "settings")).isEmpty();
        assertThat(cluster.status(app).history).isEmpty();
    }

    @Test
    void anApiServerAnswering500ForTenSecondsIsSurvivedAndTheSyncCompletesAfterwards() {
        String app = "outage";
        cluster.deploy(app, automated(true));
        cluster.awaitQuiet();
        api.traffic().failFor(Duration.ofSeconds(10), 500);

        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("k", "v")))));

        cluster.awaitConfigMap(app, "settings", map -> "v".equals(map.getData().get("k")));
        cluster.awaitStatus(app, s -> s.sync != null && "synced".equals(s.sync.status));
    }

    @Test
    void anUnknownAppIsAJson404WithAMessage() {
        given().get("/api/apps/no-such-app")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("message", containsString("no application no-such-app"));
    }

    private double reconciles() {
        return metrics.find("plumbline.reconcile.duration").timers().stream()
                .mapToDouble(t -> t.count())
                .sum();
    }
}
