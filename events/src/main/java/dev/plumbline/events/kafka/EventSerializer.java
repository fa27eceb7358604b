package dev.plumbline.events.kafka;

import dev.plumbline.events.EventJson;
import dev.plumbline.events.PlumblineEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a Plumbline event as its JSON and, when the producer passes headers (it always does), sets the CloudEvents
 * headers. A null event stays null: a tombstone on a compacted topic. Configure it by class name
 * ({@code value.serializer=dev.plumbline.events.kafka.EventSerializer}).
 */
public class EventSerializer implements Serializer<PlumblineEvent> {

    public EventSerializer() {
        // Kafka and SmallRye create serializers by class name
    }

    @Override
    public byte[] serialize(String topic, PlumblineEvent event) {
        return event == null ? null : EventJson.write(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, PlumblineEvent event) {
        if (event == null) {
            return null;
        }
        CloudEventHeaders.write(headers, event);
        return EventJson.write(event);
    }
}
