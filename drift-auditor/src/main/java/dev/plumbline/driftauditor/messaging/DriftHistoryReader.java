package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftHistory;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.kafka.EventConsumers;
import dev.plumbline.events.topic.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads back what drift-auditors told about the apps of some partitions: those partitions of
 * {@code plumbline.drift-alerts} and {@code plumbline.sync-requests} (keyed by app, with the same partition count as
 * {@code plumbline.rendered-manifests}), from their beginning to their end at the time of reading. A plain consumer
 * with no group, so nothing is committed and the service's groups are not touched.
 */
@ApplicationScoped
public class DriftHistoryReader {

    private static final Logger LOG = Logger.getLogger(DriftHistoryReader.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    /** The story of the apps of these partitions; what could not be read in time is logged and left out. */
    public DriftHistory read(Collection<Integer> partitions) {
        DriftHistory history = new DriftHistory();
        if (partitions.isEmpty()) {
            return history;
        }
        List<TopicPartition> toRead = partitions.stream()
                .flatMap(p ->
                        List.of(new TopicPartition(Topics.DRIFT_ALERTS, p), new TopicPartition(Topics.SYNC_REQUESTS, p))
                                .stream())
                .toList();
        try (KafkaConsumer<String, PlumblineEvent> consumer = EventConsumers.skippingUnreadable(settings())) {
            consumer.assign(toRead);
            consumer.seekToBeginning(toRead);
            Map<TopicPartition, Long> ends = consumer.endOffsets(toRead);
            Instant giveUp = Instant.now().plus(PATIENCE);
            while (!readTo(consumer, ends)) {
                if (Instant.now().isAfter(giveUp)) {
                    LOG.warnf(
                            "could not read back the drift alerts and heal requests of partitions %s within %s;"
                                    + " their apps start with what was read",
                            partitions, PATIENCE);
                    break;
                }
                for (ConsumerRecord<String, PlumblineEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        history.accept(record.value());
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            LOG.warnf(
                    "could not read back the drift alerts and heal requests of partitions %s: %s;"
                            + " their apps start afresh",
                    partitions, unreadable.getMessage());
        }
        return history;
    }

    private static boolean readTo(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        // the broker's address and the service's credentials
        kafkaSettings.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return settings;
    }
}
