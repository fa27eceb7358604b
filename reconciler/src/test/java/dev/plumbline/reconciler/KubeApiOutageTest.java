package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes API answering 500 and then not answering at all, each time closing every watch (as an API server
 * restart does), while a render arrives: the sync retries, finishes once the API is back, and applies each object
 * once; the watches are re-established, so a later render is applied too.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApplicationsCluster.class, restrictToAnnotatedClass = true)
@Tag("slow")
@Tag("outage")
class KubeApiOutageTest extends AcceptanceFixture {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Test
    void aSyncDuringTheOutageFinishesOnceItIsOverWithEachObjectAppliedOnce() {
        String app = "api-outage";
        cluster.deploy(app, automated(true));
        cluster.awaitQuiet();

        api.traffic().failFor(WINDOW, 500, true);
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("k", "v")))));
        awaitElapsed(WINDOW);
        api.traffic().hangFor(WINDOW, true);
        awaitElapsed(WINDOW);

        cluster.awaitConfigMap(app, "settings", map -> "v".equals(map.getData().get("k")));
        cluster.awaitStatus(
                app, s -> s.sync != null && "synced".equals(s.sync.status) && "rev1".equals(s.sync.revision));
        cluster.awaitQuiet();
        assertThat(api.traffic().snapshot().unchangedApplies())
                .as("applies that changed nothing (a second apply of the same content)")
                .filteredOn(apply -> apply.name().equals("settings") && app.equals(apply.namespace()))
                .isEmpty();

        kafka.send(render(app, "rev2", List.of(configMap(app, app, "settings", Map.of("k", "w")))));
        cluster.awaitConfigMap(app, "settings", map -> "w".equals(map.getData().get("k")));
        cluster.awaitStatus(
                app, s -> s.sync != null && "synced".equals(s.sync.status) && "rev2".equals(s.sync.revision));
    }

    private static void awaitElapsed(Duration duration) {
        Instant until = Instant.now().plus(duration);
        await().atMost(duration.plusSeconds(5)).until(() -> !Instant.now().isBefore(until));
    }
}
