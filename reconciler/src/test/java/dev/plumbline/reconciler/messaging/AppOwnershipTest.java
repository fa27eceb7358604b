package dev.plumbline.reconciler.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class AppOwnershipTest {

    @Test
    void anAppIsOnThePartitionKafkasDefaultPartitionerGivesItsKey() {
        for (String app : List.of("shop", "web", "payments", "a", "applications-with-long-names")) {
            assertThat(AppOwnership.partitionOf(app, 6))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(app.getBytes(StandardCharsets.UTF_8), 6));
        }
    }

    @Test
    void anInstanceOwnsTheAppsOfTheRenderPartitionsAssignedToItUntilTheyAreRevoked() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(
                Topics.RENDERED_MANIFESTS,
                IntStream.range(0, 6)
                        .mapToObj(p -> new PartitionInfo(Topics.RENDERED_MANIFESTS, p, null, null, null))
                        .toList());
        AppOwnership ownership = new AppOwnership();
        AtomicInteger gained = new AtomicInteger();
        ownership.onGained(owned -> gained.incrementAndGet());
        TopicPartition shops = new TopicPartition(Topics.RENDERED_MANIFESTS, AppOwnership.partitionOf("shop", 6));

        assertThat(ownership.owns("shop")).as("before any assignment").isFalse();

        ownership.onPartitionsAssigned(consumer, List.of(shops));
        assertThat(ownership.owns("shop")).isTrue();
        assertThat(gained).hasValue(1);

        ownership.onPartitionsRevoked(consumer, List.of(shops));
        assertThat(ownership.owns("shop")).isFalse();
    }
}
