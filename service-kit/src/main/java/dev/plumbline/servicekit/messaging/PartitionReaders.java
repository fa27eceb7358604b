package dev.plumbline.servicekit.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.kafka.EventConsumers;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumers for a service's own readers of a topic's history: they assign themselves partitions and seek, with no
 * consumer group and nothing committed, outside the messaging channels. Each takes the default Kafka broker's
 * settings (bootstrap servers, timeouts, security), as the channels do.
 */
@ApplicationScoped
public class PartitionReaders {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    /** A consumer of events that skips a record it cannot read, as the channels do ({@link EventConsumers}). */
    public KafkaConsumer<String, PlumblineEvent> events(String clientId) {
        return events(clientId, Map.of());
    }

    /** The same, with settings of the reader's own on top (fetch sizes for large records...). */
    public KafkaConsumer<String, PlumblineEvent> events(String clientId, Map<String, Object> own) {
        return EventConsumers.skippingUnreadable(settings(broker, clientId, own));
    }

    /** A consumer of values exactly as stored, with settings of the reader's own on top. */
    public KafkaConsumer<String, byte[]> bytes(String clientId, Map<String, Object> own) {
        return new KafkaConsumer<>(
                settings(broker, clientId, own), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The broker's consumer settings without its group (Quarkus adds the application's name as {@code group.id}),
     * nothing committed, topics never created by reading them, then the client id and {@code own}.
     */
    static Map<String, Object> settings(Map<String, Object> broker, String clientId, Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>();
        broker.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a topic is created by its owner's OwnedTopics with its partitions and retention, never by a reader
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        settings.putAll(own);
        return settings;
    }
}
