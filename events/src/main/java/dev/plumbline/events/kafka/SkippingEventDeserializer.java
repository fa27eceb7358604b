package dev.plumbline.events.kafka;

import dev.plumbline.events.EventJson;
import dev.plumbline.events.PlumblineEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads events as {@link EventDeserializer} does, for a service that must go on reading past a record it cannot
 * read (bad JSON, an unknown event type, a newer schema version). Such a record reads as a null value with the
 * reason in its {@link #UNREADABLE_REASON_HEADER} header, and {@link UnreadableRecordSkipper} takes it out of the
 * poll before the service sees it. A null value alone would pass for a tombstone, and on a compacted topic a
 * tombstone deletes its key, so this deserializer refuses to start without the skipper in
 * {@code interceptor.classes}:
 * <pre>
 * value.deserializer=dev.plumbline.events.kafka.SkippingEventDeserializer
 * interceptor.classes=dev.plumbline.events.kafka.UnreadableRecordSkipper
 * </pre>
 */
public class SkippingEventDeserializer implements Deserializer<PlumblineEvent> {

    /** Why a record could not be read: the reader's message, e.g. "Cannot read event of unknown type ...". */
    public static final String UNREADABLE_REASON_HEADER = "plumbline_unreadable_reason";

    public SkippingEventDeserializer() {
        // Kafka and SmallRye create deserializers by class name
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object interceptors = configs.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
        if (interceptors == null || !interceptors.toString().contains(UnreadableRecordSkipper.class.getName())) {
            throw new ConfigException(
                    ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
                    interceptors,
                    getClass().getName() + " needs " + UnreadableRecordSkipper.class.getName() + " in "
                            + ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG + ": without it a record that cannot be "
                            + "read would reach the consumer as a tombstone");
        }
    }

    /** Without headers there is nowhere to say why a record was skipped, so an unreadable record fails here. */
    @Override
    public PlumblineEvent deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.read(data);
    }

    @Override
    public PlumblineEvent deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.read(data);
        } catch (RuntimeException unreadable) {
            String reason = unreadable.getMessage() != null
                    ? unreadable.getMessage()
                    : unreadable.getClass().getSimpleName();
            headers.add(UNREADABLE_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            return null;
        }
    }
}
