package dev.plumbline.driftauditor.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.driftauditor.audit.AuditStore;
import dev.plumbline.driftauditor.audit.AuditStoreException;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.servicekit.messaging.PartitionReaders;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The audit trail on {@code plumbline.audit}: written through the publisher, read back by partition with a consumer
 * of its own (assigned, no group), as stored bytes, so that verification hashes exactly what was written.
 */
@ApplicationScoped
public class KafkaAuditStore implements AuditStore {

    private static final Logger LOG = Logger.getLogger(KafkaAuditStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);

    @Inject
    PartitionReaders readers;

    @Inject
    EventPublisher publisher;

    private KafkaConsumer<String, byte[]> endReader;

    @Override
    public int partitionOf(String app) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return Ownership.partitionOf(
                    app, consumer.partitionsFor(Topics.AUDIT).size());
        } catch (KafkaException unreachable) {
            throw new AuditStoreException(
                    "cannot read the partitions of " + Topics.AUDIT + ": " + unreachable.getMessage(), unreachable);
        }
    }

    @Override
    public List<JsonNode> readPartition(int partition) {
        try {
            return read(List.of(partition), null);
        } catch (KafkaException unreachable) {
            throw new AuditStoreException(
                    "cannot read back partition " + partition + " of " + Topics.AUDIT + ": " + unreachable.getMessage(),
                    unreachable);
        }
    }

    /**
     * Asked before every record written, so one consumer is kept for it rather than one made each time; the calls
     * come from the audit writer, one at a time.
     */
    @Override
    public synchronized long endOf(int partition) {
        TopicPartition topicPartition = new TopicPartition(Topics.AUDIT, partition);
        try {
            if (endReader == null) {
                endReader = consumer();
            }
            return endReader.endOffsets(List.of(topicPartition)).get(topicPartition);
        } catch (KafkaException unreachable) {
            closeEndReader();
            throw new AuditStoreException(
                    "cannot read where partition " + partition + " of " + Topics.AUDIT + " ends: "
                            + unreachable.getMessage(),
                    unreachable);
        }
    }

    @PreDestroy
    synchronized void closeEndReader() {
        if (endReader != null) {
            endReader.close(Duration.ofSeconds(1));
            endReader = null;
        }
    }

    @Override
    public void write(AuditRecord record) {
        try {
            publisher.publishAndWait(record);
        } catch (KafkaException | IllegalStateException notStored) {
            throw new AuditStoreException(notStored.getMessage(), notStored);
        }
    }

    /**
     * Records as stored, oldest first.
     *
     * @param app   only this app's; null for every app
     * @param since only records written at or after it; null for all
     */
    public List<JsonNode> query(String app, Instant since, int limit) {
        List<Integer> partitions;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            int count = consumer.partitionsFor(Topics.AUDIT).size();
            partitions = app == null
                    ? java.util.stream.IntStream.range(0, count).boxed().toList()
                    : List.of(Ownership.partitionOf(app, count));
        }
        return read(partitions, since).stream()
                .filter(record -> app == null || app.equals(record.path("app").asText()))
                .filter(record -> since == null
                        || !Instant.parse(record.path("occurredAt")
                                        .asText(record.path("time").asText()))
                                .isBefore(since))
                .limit(limit)
                .toList();
    }

    private List<JsonNode> read(List<Integer> partitions, Instant since) {
        List<JsonNode> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(Topics.AUDIT, p))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            if (since != null) {
                // a record is written after what it records happened: nothing before since is needed
                Map<TopicPartition, Long> times = new HashMap<>();
                assigned.forEach(tp -> times.put(tp, since.toEpochMilli()));
                consumer.offsetsForTimes(times).forEach((tp, found) -> {
                    if (found != null) {
                        consumer.seek(tp, found.offset());
                    }
                });
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        records.add(JSON.readTree(record.value()));
                    } catch (IOException unreadable) {
                        LOG.warnf(
                                "audit record at %d/%d is not JSON: %s",
                                record.partition(), record.offset(), unreadable.getMessage());
                    }
                }
            }
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return readers.bytes(
                "plumbline-drift-auditor-audit-reader",
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    }
}
