package dev.plumbline.driftauditor.messaging;

import dev.plumbline.events.PlumblineEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events the audit trail is assembled from, read in the service's audit consumer group with offsets committed
 * once the record is stored. All its topics are keyed by app, so one instance holds an app's partition of each and
 * writes that app's whole chain. When partitions move, chains are read back again before their next record.
 */
@ApplicationScoped
@Identifier("plumbline-drift-audit")
public class AuditInputsListener implements KafkaConsumerRebalanceListener {

    @Inject
    AuditService audit;

    /**
     * One poll's records, taken in the order their events happened. An app's events come from several topics, and
     * one poll hands out each partition's records together, so a heal request can come before the drift alert
     * written a moment earlier on another topic; within a poll, event time restores the order they happened in.
     */
    @Incoming("audit-inputs")
    @Blocking
    void onEvents(ConsumerRecords<String, PlumblineEvent> batch) {
        List<ConsumerRecord<String, PlumblineEvent>> records = new ArrayList<>();
        batch.forEach(records::add);
        records.stream()
                .filter(inputRecord -> inputRecord.value() != null)
                .sorted(Comparator.comparing(inputRecord -> inputRecord.value().time()))
                .forEach(inputRecord -> audit.record(
                        inputRecord.topic() + "/" + inputRecord.partition() + "/" + inputRecord.offset(),
                        inputRecord.value()));
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        audit.partitionsMoved(numbers(consumer.assignment()));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
        kept.removeAll(partitions);
        audit.partitionsMoved(numbers(kept));
    }

    /** The partition numbers held: the same number of every input topic, since the range assignor gives them so. */
    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
