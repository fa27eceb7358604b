package dev.plumbline.events.kafka;

import dev.plumbline.events.EventJson;
import dev.plumbline.events.PlumblineEvent;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a Plumbline event from its JSON; a null value (a tombstone) reads as null. An event of an unknown type or a
 * newer schema version fails with {@link dev.plumbline.events.UnsupportedEventException}, whose message says so.
 * Configure it by class name ({@code value.deserializer=dev.plumbline.events.kafka.EventDeserializer}).
 */
public class EventDeserializer implements Deserializer<PlumblineEvent> {

    public EventDeserializer() {
        // Kafka and SmallRye create deserializers by class name
    }

    @Override
    public PlumblineEvent deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.read(data);
    }
}
