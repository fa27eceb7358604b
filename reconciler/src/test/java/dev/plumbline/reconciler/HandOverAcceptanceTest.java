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
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
 * An app whose partition moves to another instance while this one is syncing it. The test plays the other
 * reconciler: a member of the service's consumer group, with the service's assignor and an instance of its own, so
 * it takes the odd partitions of {@code plumbline.rendered-manifests}. Once it holds the app, this instance must
 * apply nothing more of it, or both would apply the same objects (and an older revision could land after a newer).
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApplicationsCluster.class, restrictToAnnotatedClass = true)
@Tag("slow")
class HandOverAcceptanceTest extends AcceptanceFixture {

    private static final Duration PATIENCE = LiveCluster.PATIENCE;
    private static final int PARTITIONS = 6;
    private static final int OBJECTS = 300;

    @Test
    void anAppWhosePartitionMovesMidSyncIsAppliedByNoOneElseOnceTheOtherHoldsIt() {
        String app = IntStream.range(0, 100)
                .mapToObj(n -> "moving-" + n)
                .filter(name -> partitionOf(name) % 2 == 1)
                .findFirst()
                .orElseThrow();
        cluster.deploy(app, automated(false));
        kafka.send(render(
                app,
                "rev1",
                IntStream.range(0, OBJECTS)
                        .mapToObj(i -> configMap(app, app, "settings-" + i, Map.of("n", String.valueOf(i))))
                        .toList()));
        await().atMost(PATIENCE).until(() -> !configMaps(app).isEmpty());

        try (KafkaConsumer<String, byte[]> other = otherInstance()) {
            other.subscribe(List.of(Topics.RENDERED_MANIFESTS));
            await().atMost(PATIENCE).until(() -> {
                other.poll(Duration.ofMillis(100));
                return other.assignment().contains(new TopicPartition(Topics.RENDERED_MANIFESTS, partitionOf(app)));
            });
            Map<String, String> atHandOver = configMaps(app);

            await().atMost(PATIENCE).until(() -> reconciler.idle());
            assertThat(configMaps(app).entrySet().stream()
                            .filter(written -> !written.getValue().equals(atHandOver.get(written.getKey())))
                            .map(Map.Entry::getKey)
                            .toList())
                    .as(
                            "objects this instance wrote after the other one held the app (%d written before)",
                            atHandOver.size())
                    .isEmpty();
        }
    }

    /** The app's ConfigMaps by name, with their resource versions. */
    private Map<String, String> configMaps(String app) {
        return api.client().configMaps().inNamespace(app).list().getItems().stream()
                .filter(map -> map.getMetadata().getName().startsWith("settings-"))
                .collect(Collectors.toMap(
                        map -> map.getMetadata().getName(),
                        map -> map.getMetadata().getResourceVersion(),
                        (a, b) -> a,
                        TreeMap::new));
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
