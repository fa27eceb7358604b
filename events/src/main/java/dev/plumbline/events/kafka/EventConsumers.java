package dev.plumbline.events.kafka;

import dev.plumbline.events.PlumblineEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Plain Kafka consumers of events (outside the messaging channels: a reader of a topic's history, a log tailed by a
 * command) that read past a record they cannot read exactly as the channels do: with
 * {@link SkippingEventDeserializer} and {@link UnreadableRecordSkipper}, so the record is logged, counted and
 * skipped, and a tombstone still arrives as a null value. A strict deserializer would instead throw from every poll
 * at that record, and the reader would never get past it.
 */
public final class EventConsumers {

    private EventConsumers() {}

    /** A consumer of events keyed by strings, with {@code settings} (bootstrap servers, client id, fetch sizes...). */
    public static KafkaConsumer<String, PlumblineEvent> skippingUnreadable(Map<String, ?> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        all.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, SkippingEventDeserializer.class.getName());
        all.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, UnreadableRecordSkipper.class.getName());
        return new KafkaConsumer<>(all);
    }
}
