package dev.plumbline.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.EventJson;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.EventType;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.UnsupportedEventException;
import dev.plumbline.events.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventSerdeTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    static Stream<PlumblineEvent> samples() {
        return EventSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void anEventComesBackEqualThroughTheKafkaSerializerAndDeserializer(PlumblineEvent event) {
        Headers headers = new RecordHeaders();

        byte[] value = serializer.serialize(event.topic(), headers, event);

        assertThat(deserializer.deserialize(event.topic(), headers, value)).isEqualTo(event);
        assertThat(deserializer.deserialize(event.topic(), serializer.serialize(event.topic(), event)))
                .isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theRecordCarriesTheCloudEventsAttributesAsHeaders(PlumblineEvent event) {
        Headers headers = new RecordHeaders();

        serializer.serialize(event.topic(), headers, event);

        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_id")).isEqualTo(event.eventId());
        assertThat(header(headers, "ce_type"))
                .isEqualTo(event.type().typeName())
                .startsWith("dev.plumbline.");
        assertThat(header(headers, "ce_source")).isEqualTo(event.source()).startsWith("plumbline/");
        assertThat(Instant.parse(header(headers, "ce_time"))).isEqualTo(event.time());
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
        assertThat(header(headers, "plumbline_correlation_id")).isEqualTo(event.correlationId());
        assertThat(header(headers, "ce_subject")).isEqualTo(event.app());
    }

    @Test
    void commitEventsHaveNoSubjectAndAreKeyedByRepository() {
        PlumblineEvent commit = EventSamples.byType().get(EventType.COMMIT_DETECTED);
        Headers headers = new RecordHeaders();

        serializer.serialize(commit.topic(), headers, commit);

        assertThat(headers.lastHeader("ce_subject")).isNull();
        assertThat(commit.key()).isEqualTo("https://git.example.com/shop/deploy.git");
        assertThat(commit.topic()).isEqualTo(Topics.COMMIT_EVENTS);
    }

    @Test
    void serializingAgainReplacesTheHeadersInsteadOfRepeatingThem() {
        PlumblineEvent event = EventSamples.all().get(0);
        Headers headers = new RecordHeaders();

        serializer.serialize(event.topic(), headers, event);
        serializer.serialize(event.topic(), headers, event);

        assertThat(headers.headers("ce_id")).hasSize(1);
    }

    @Test
    void aTombstoneStaysNullBothWaysAndGetsNoHeaders() {
        Headers headers = new RecordHeaders();

        assertThat(serializer.serialize(Topics.APPLICATIONS, headers, null)).isNull();
        assertThat(serializer.serialize(Topics.APPLICATIONS, null)).isNull();
        assertThat(headers.toArray()).isEmpty();
        assertThat(deserializer.deserialize(Topics.APPLICATIONS, headers, (byte[]) null))
                .isNull();
        assertThat(deserializer.deserialize(Topics.APPLICATIONS, null)).isNull();
    }

    @Test
    void kafkaCanCreateBothByClassName() throws ReflectiveOperationException {
        for (Class<?> type : List.of(EventSerializer.class, EventDeserializer.class)) {
            Object instance = Class.forName(type.getName()).getConstructor().newInstance();
            assertThat(instance).isInstanceOfAny(Serializer.class, Deserializer.class);
        }
    }

    @Test
    void anEventFromANewerPlumblineFailsDeserializationWithTheReadableReason() {
        String newer = new String(EventJson.write(EventSamples.all().get(0)), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThatThrownBy(() -> deserializer.deserialize(Topics.APPLICATIONS, newer.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("schema version 2");
    }

    private static String header(Headers headers, String name) {
        return CloudEventHeaders.read(headers, name);
    }
}
