package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.topic.Topics;
import dev.plumbline.reconciler.application.ApplicationWatcher;
import dev.plumbline.reconciler.reconcile.StaleSpecSweep;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Tombstones for Applications deleted while no reconciler watched: the specs on the compacted
 * {@code plumbline.applications} whose Application no longer exists. Without them the other services would keep
 * watching, rendering and alerting for an app that is gone.
 */
@ApplicationScoped
public class StaleSpecs implements StaleSpecSweep {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    @Inject
    EventPublisher publisher;

    @Inject
    ApplicationWatcher applications;

    /**
     * Publishes a tombstone for every app with a spec on the topic and no Application in the watched namespace.
     * Call it once the Applications are watched and their cache is full.
     *
     * @return the apps given a tombstone
     * @throws IllegalStateException when the topic could not be read to its end within {@code within}
     */
    @Override
    public Set<String> sweep(Duration within) {
        Set<String> stale = new TreeSet<>(publishedApps(within));
        applications
                .all()
                .forEach(application -> stale.remove(application.getMetadata().getName()));
        stale.forEach(publisher::deleted);
        return stale;
    }

    /** The keys of {@code plumbline.applications} whose latest record is a spec, not a tombstone. */
    public Set<String> publishedApps(Duration within) {
        Map<String, Object> settings = new HashMap<>(kafkaSettings);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Instant deadline = Instant.now().plus(within);
        Set<String> apps = new TreeSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.APPLICATIONS, within).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, within);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(Topics.APPLICATIONS + " was not read to its end within " + within);
                }
                for (ConsumerRecord<String, byte[]> spec : consumer.poll(Duration.ofMillis(200))) {
                    if (spec.value() == null) {
                        apps.remove(spec.key());
                    } else if (spec.key() != null) {
                        apps.add(spec.key());
                    }
                }
            }
        }
        return apps;
    }
}
