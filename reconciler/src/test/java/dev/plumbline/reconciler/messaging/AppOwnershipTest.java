package dev.plumbline.reconciler.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
        MockConsumer<String, String> consumer = renders();
        AppOwnership ownership = new AppOwnership();
        AtomicInteger gained = new AtomicInteger();
        ownership.onGained(owned -> gained.incrementAndGet());
        TopicPartition shops = new TopicPartition(Topics.RENDERED_MANIFESTS, AppOwnership.partitionOf("shop", 6));

        assertThat(ownership.owns("shop")).as("before any assignment").isFalse();

        assign(consumer, ownership, shops, 0);
        assertThat(ownership.owns("shop")).isTrue();
        assertThat(gained).hasValue(1);

        ownership.onPartitionsRevoked(consumer, List.of(shops));
        assertThat(ownership.owns("shop")).isFalse();
    }

    @Test
    void aGainedPartitionsAppsAreReconciledOnlyOnceItIsReadUpToWhereItStoodAtAssignment() {
        MockConsumer<String, String> consumer = renders();
        AppOwnership ownership = new AppOwnership();
        AtomicInteger gained = new AtomicInteger();
        ownership.onGained(owned -> gained.incrementAndGet());
        TopicPartition shops = new TopicPartition(Topics.RENDERED_MANIFESTS, AppOwnership.partitionOf("shop", 6));

        assign(consumer, ownership, shops, 5);
        assertThat(ownership.readingBack("shop")).isTrue();
        assertThat(ownership.owns("shop")).as("while older renders are read").isFalse();
        assertThat(gained).hasValue(0);

        ownership.read(shops.partition(), 3);
        assertThat(ownership.owns("shop"))
                .as("one render left before the end at assignment")
                .isFalse();

        ownership.read(shops.partition(), 4);
        assertThat(ownership.readingBack("shop")).isFalse();
        assertThat(ownership.owns("shop")).isTrue();
        assertThat(gained).hasValue(1);

        ownership.read(shops.partition(), 5);
        assertThat(gained).as("a render published after the read-back").hasValue(1);
    }

    @Test
    void aReadBackThatReadsNothingMoreEndsSoItsAppsAreNotHeldForEver() {
        MockConsumer<String, String> consumer = renders();
        AppOwnership ownership = new AppOwnership();
        AtomicInteger gained = new AtomicInteger();
        ownership.onGained(owned -> gained.incrementAndGet());
        TopicPartition shops = new TopicPartition(Topics.RENDERED_MANIFESTS, AppOwnership.partitionOf("shop", 6));
        assign(consumer, ownership, shops, 5);
        ownership.read(shops.partition(), 3);

        ownership.endQuietReadBack(System.nanoTime());
        assertThat(ownership.owns("shop")).as("right after a record").isFalse();

        ownership.endQuietReadBack(System.nanoTime() + AppOwnership.QUIET_NANOS + 1);
        assertThat(ownership.owns("shop"))
                .as("the last record skipped as unreadable")
                .isTrue();
        assertThat(gained).hasValue(1);
    }

    private static MockConsumer<String, String> renders() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(
                Topics.RENDERED_MANIFESTS,
                IntStream.range(0, 6)
                        .mapToObj(p -> new PartitionInfo(Topics.RENDERED_MANIFESTS, p, null, null, null))
                        .toList());
        return consumer;
    }

    /** Assigns the partition, which holds {@code records} renders, as the group would, read from its beginning. */
    private static void assign(
            MockConsumer<String, String> consumer, AppOwnership ownership, TopicPartition partition, long records) {
        consumer.assign(List.of(partition));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.updateEndOffsets(Map.of(partition, records));
        ownership.onPartitionsAssigned(consumer, List.of(partition));
    }
}
