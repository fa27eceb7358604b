package dev.plumbline.driftauditor.testing;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.kafka.EventConsumers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Collects every event published on some topics from now on, for tests to wait for. */
public final class EventCollector implements AutoCloseable {

    private final List<PlumblineEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    public EventCollector(String bootstrapServers, String... topics) {
        KafkaConsumer<String, PlumblineEvent> consumer = EventConsumers.skippingUnreadable(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
        List<TopicPartition> partitions = java.util.Arrays.stream(topics)
                .flatMap(topic ->
                        consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(
                () -> {
                    try (consumer) {
                        while (running.get()) {
                            consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                                if (record.value() != null) {
                                    events.add(record.value());
                                }
                            });
                        }
                    }
                },
                "test-event-collector");
        poller.start();
    }

    public <T extends PlumblineEvent> List<T> of(Class<T> type, String app) {
        return events.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> app.equals(e.app()))
                .toList();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            // an interrupted close leaves the poller to end on its own; the caller still sees the interrupt
            Thread.currentThread().interrupt();
        }
    }
}
