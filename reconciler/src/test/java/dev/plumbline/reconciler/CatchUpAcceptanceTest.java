package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.topic.Topics;
import dev.plumbline.reconciler.messaging.CoPartitionedAssignor;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.LiveCluster;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An instance that gains a partition reads it again from its beginning (no offsets are committed), so it meets every
 * render the partition still holds, oldest first. The test plays another reconciler that holds the app's partition
 * while many renders of the app are published, then leaves the group: this instance takes the partition over and
 * must apply only the newest render, never one of the older ones on the way.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApplicationsCluster.class, restrictToAnnotatedClass = true)
@Tag("slow")
class CatchUpAcceptanceTest extends AcceptanceFixture {

    private static final Duration PATIENCE = LiveCluster.PATIENCE;
    private static final int PARTITIONS = 6;
    private static final int RENDERS = 40;

    @Test
    void anInstanceThatGainsAPartitionAppliesOnlyTheNewestRenderOfEachApp() {
        String app = IntStream.range(0, 100)
                .mapToObj(n -> "caught-up-" + n)
                .filter(name -> partitionOf(name) % 2 == 1)
                .findFirst()
                .orElseThrow();
        List<String> applied = new CopyOnWriteArrayList<>();
        cluster.deploy(app, automated(false));
        try (Watch watch = api.client().configMaps().inNamespace(app).watch(revisionsOfSettings(applied))) {
            try (KafkaConsumer<String, byte[]> other = otherInstance()) {
                other.subscribe(List.of(Topics.RENDERED_MANIFESTS));
                await().atMost(PATIENCE).until(() -> {
                    other.poll(Duration.ofMillis(100));
                    return other.assignment().contains(new TopicPartition(Topics.RENDERED_MANIFESTS, partitionOf(app)));
                });
                IntStream.range(0, RENDERS)
                        .forEach(n -> kafka.send(render(
                                app,
                                "rev" + n,
                                List.of(configMap(app, app, "settings", Map.of("revision", "rev" + n))))));
            }
            String newest = "rev" + (RENDERS - 1);
            await().atMost(PATIENCE).until(() -> applied.contains(newest));
            await().atMost(PATIENCE).until(() -> reconciler.idle());
            assertThat(applied)
                    .as("revisions of %s applied once this instance took its partition over", app)
                    .containsOnly(newest);
        }
    }

    /** Records the revision each write of the app's ConfigMap carries, in order. */
    private static Watcher<ConfigMap> revisionsOfSettings(List<String> applied) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap map) {
                if ("settings".equals(map.getMetadata().getName()) && map.getData() != null) {
                    applied.add(map.getData().get("revision"));
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // the test closes the watch itself
            }
        };
    }

    private KafkaConsumer<String, byte[]> otherInstance() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "plumbline-reconciler",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        CoPartitionedAssignor.class.getName(),
                        // sorts after the service's instance, so it gets the odd partitions
                        CoPartitionedAssignor.INSTANCE_CONFIG,
                        "~other-reconciler"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static int partitionOf(String app) {
        return Utils.toPositive(Utils.murmur2(app.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }
}
