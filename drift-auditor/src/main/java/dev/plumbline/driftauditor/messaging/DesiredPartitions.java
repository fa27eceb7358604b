package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftService;
import dev.plumbline.events.topic.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows which partitions of {@code plumbline.rendered-manifests} this instance holds: their apps are the ones it
 * compares, and orphans naming an app on them are the ones it reports. On assignment the topic is read again from
 * its beginning (no committed offsets), so desired state is rebuilt; apps of a revoked partition are forgotten.
 */
@ApplicationScoped
@Identifier("plumbline-drift-desired")
public class DesiredPartitions implements KafkaConsumerRebalanceListener {

    @Inject
    DriftService drift;

    @Inject
    Ownership ownership;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        int count = consumer.partitionsFor(Topics.RENDERED_MANIFESTS).size();
        consumer.seekToBeginning(partitions);
        ownership.assigned(numbers(consumer.assignment()), count);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> kept = numbers(consumer.assignment());
        kept.removeAll(numbers(partitions));
        ownership.assigned(kept, ownership.partitionCount());
        drift.forgetUnowned();
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
