package dev.plumbline.renderer.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.kafka.EventConsumers;
import dev.plumbline.events.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads {@code plumbline.rendered-manifests} as the reconciler and drift-auditor do, with their raised fetch limits. */
final class RenderedManifestsReader implements AutoCloseable {

    private final KafkaConsumer<String, PlumblineEvent> consumer;
    private final List<PlumblineEvent> read = new ArrayList<>();

    RenderedManifestsReader(String bootstrapServers) {
        consumer = EventConsumers.skippingUnreadable(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Topics.LARGE_RECORD_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                Topics.LARGE_RECORD_BYTES,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RENDERED_MANIFESTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far, after one more poll; records without a value (tombstones) are left out. */
    List<PlumblineEvent> poll() {
        for (ConsumerRecord<String, PlumblineEvent> outcome : consumer.poll(Duration.ofMillis(200))) {
            if (outcome.value() != null) {
                read.add(outcome.value());
            }
        }
        return List.copyOf(read);
    }

    List<PlumblineEvent> of(String app) {
        return poll().stream().filter(event -> app.equals(event.app())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
