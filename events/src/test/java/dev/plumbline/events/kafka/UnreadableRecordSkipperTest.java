package dev.plumbline.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.EventJson;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.topic.Topics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnreadableRecordSkipperTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.APPLICATIONS, 0);

    private final SkippingEventDeserializer deserializer = new SkippingEventDeserializer();
    private final UnreadableRecordSkipper skipper = new UnreadableRecordSkipper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void countInATestRegistry() {
        Metrics.addRegistry(meters);
    }

    @AfterEach
    void forgetTheTestRegistry() {
        Metrics.removeRegistry(meters);
    }

    @Test
    void anUnreadableRecordIsTakenOutOfThePollAndCountedWhileATombstoneAndEventsPass() {
        ConsumerRecord<Object, Object> before = polled(0, "web", EventJson.write(EventSamples.applicationSpec()));
        ConsumerRecord<Object, Object> garbage = polled(1, "web", "{not json".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<Object, Object> tombstone = polled(2, "web", null);
        ConsumerRecord<Object, Object> after = polled(3, "shop", EventJson.write(EventSamples.applicationSpec()));

        ConsumerRecords<Object, Object> delivered = skipper.onConsume(
                new ConsumerRecords<>(Map.of(PARTITION, List.of(before, garbage, tombstone, after)), Map.of()));

        assertThat(delivered.records(PARTITION)).containsExactly(before, tombstone, after);
        assertThat(tombstone.value()).isNull();
        assertThat(meters.get(UnreadableRecordSkipper.METRIC)
                        .tag("topic", Topics.APPLICATIONS)
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void theReasonARecordIsUnreadableTravelsInItsHeader() {
        String unknownType = "{\"type\":\"dev.plumbline.future.thing\",\"schemaVersion\":1}";
        Headers headers = new RecordHeaders();

        PlumblineEvent read =
                deserializer.deserialize(Topics.APPLICATIONS, headers, unknownType.getBytes(StandardCharsets.UTF_8));

        assertThat(read).isNull();
        assertThat(new String(
                        headers.lastHeader(SkippingEventDeserializer.UNREADABLE_REASON_HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .startsWith("Cannot read event of unknown type 'dev.plumbline.future.thing'");
    }

    @Test
    void theDeserializerRefusesToStartWithoutTheSkipperWhichKeepsUnreadableRecordsFromPassingForTombstones() {
        assertThatThrownBy(() -> deserializer.configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(UnreadableRecordSkipper.class.getName())
                .hasMessageContaining("tombstone");

        deserializer.configure(
                Map.of(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, UnreadableRecordSkipper.class.getName()), false);
    }

    /** A record as the consumer hands it to interceptors: value bytes read by the deserializer, or none. */
    private ConsumerRecord<Object, Object> polled(long offset, String key, byte[] value) {
        Headers headers = new RecordHeaders();
        Object event = value == null ? null : deserializer.deserialize(PARTITION.topic(), headers, value);
        return new ConsumerRecord<>(
                PARTITION.topic(),
                PARTITION.partition(),
                offset,
                0L,
                TimestampType.CREATE_TIME,
                key.length(),
                value == null ? ConsumerRecord.NULL_SIZE : value.length,
                key,
                event,
                headers,
                Optional.empty());
    }
}
