package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftService;
import dev.plumbline.events.topic.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Follows which partitions of {@code plumbline.rendered-manifests} this instance holds: their apps are the ones it
 * compares, and orphans naming an app on them are the ones it reports. On assignment the topic is read again from
 * its beginning (no committed offsets), so desired state is rebuilt, and what drift-auditors told about the gained
 * apps is read back first ({@link DriftHistoryReader}), so the new owner carries on their episodes, fights and heal
 * backoff; apps of a revoked partition are forgotten once what was told about them is on the bus.
 */
@ApplicationScoped
@Identifier("plumbline-drift-desired")
public class DesiredPartitions implements KafkaConsumerRebalanceListener {

    private static final Duration HAND_OVER_PATIENCE = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(DesiredPartitions.class);

    @Inject
    DriftService drift;

    @Inject
    Ownership ownership;

    @Inject
    DriftHistoryReader history;

    @Inject
    EventPublisher publisher;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        int count = consumer.partitionsFor(Topics.RENDERED_MANIFESTS).size();
        consumer.seekToBeginning(partitions);
        Set<Integer> gained = numbers(partitions);
        // before their renders are read again: the apps carry on from what was told about them
        drift.handedOver(app -> gained.contains(Ownership.partitionOf(app, count)), history.read(gained));
        ownership.assigned(numbers(consumer.assignment()), count);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> kept = numbers(consumer.assignment());
        kept.removeAll(numbers(partitions));
        ownership.assigned(kept, ownership.partitionCount());
        try {
            drift.forgetUnowned();
            // what this instance told about the apps must be on the bus before their next owner reads it back; a
            // broker away longer than the rebalance can wait leaves the rest to be published, in order, when back
            if (!publisher.flush(HAND_OVER_PATIENCE)) {
                LOG.warnf(
                        "partitions %s left this instance before all it told about their apps reached the broker",
                        numbers(partitions));
            }
        } catch (RuntimeException stopping) {
            LOG.warnf(
                    "partitions %s left this instance while it could not finish with them: %s",
                    numbers(partitions), stopping.getMessage());
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
