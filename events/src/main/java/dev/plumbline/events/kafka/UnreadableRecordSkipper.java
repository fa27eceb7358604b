package dev.plumbline.events.kafka;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Takes the records {@link SkippingEventDeserializer} could not read out of every poll, so that one bad record
 * neither stops a consumer nor reaches it as a tombstone. Each is logged at WARN as it is polled (topic, partition,
 * offset, key, consumer group or client id, reason) and, where Micrometer is present, counted in
 * {@code plumbline.unreadable.records} by topic ({@code plumbline_unreadable_records_total} in Prometheus). The
 * records after it are delivered as usual, so a channel that commits offsets commits past it with the next record it
 * acknowledges.
 *
 * <p>A record is unreadable when its value came in as bytes but reads as null: a tombstone has no bytes at all
 * (its serialized size is -1), so the two are told apart by the record itself, not by a header anyone could set.
 */
public class UnreadableRecordSkipper implements ConsumerInterceptor<Object, Object> {

    static final String METRIC = "plumbline.unreadable.records";

    private static final System.Logger LOG = System.getLogger(UnreadableRecordSkipper.class.getName());
    /** Micrometer is optional in this module: without it, skipped records are logged but not counted. */
    private static final boolean COUNTED = onClasspath("io.micrometer.core.instrument.Metrics");

    /** Names the reader in the log: its consumer group, or its client id for a consumer without a group. */
    private String reader = "a consumer";

    public UnreadableRecordSkipper() {
        // Kafka creates interceptors by class name
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object groupId = configs.get(ConsumerConfig.GROUP_ID_CONFIG);
        Object clientId = configs.get(ConsumerConfig.CLIENT_ID_CONFIG);
        if (groupId != null) {
            reader = "consumer group " + groupId;
        } else if (clientId != null && !clientId.toString().isEmpty()) {
            reader = "consumer " + clientId;
        }
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        boolean allReadable = true;
        for (ConsumerRecord<Object, Object> consumerRecord : records) {
            allReadable &= !isUnreadable(consumerRecord);
        }
        if (allReadable) {
            return records;
        }
        Map<TopicPartition, List<ConsumerRecord<Object, Object>>> readable = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<Object, Object>> kept = new ArrayList<>();
            for (ConsumerRecord<Object, Object> consumerRecord : records.records(partition)) {
                if (isUnreadable(consumerRecord)) {
                    skip(consumerRecord);
                } else {
                    kept.add(consumerRecord);
                }
            }
            readable.put(partition, kept);
        }
        return new ConsumerRecords<>(readable, records.nextOffsets());
    }

    static boolean isUnreadable(ConsumerRecord<?, ?> consumerRecord) {
        return consumerRecord.value() == null && consumerRecord.serializedValueSize() >= 0;
    }

    private void skip(ConsumerRecord<Object, Object> unreadable) {
        LOG.log(
                Level.WARNING,
                "Skipped a record that cannot be read: topic {0}, partition {1}, offset {2}, key " + "{3}, {4}: {5}",
                unreadable.topic(),
                String.valueOf(unreadable.partition()),
                String.valueOf(unreadable.offset()),
                unreadable.key(),
                reader,
                reason(unreadable));
        if (COUNTED) {
            UnreadableRecordCount.increment(unreadable.topic());
        }
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, UnreadableRecordSkipper.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    private static String reason(ConsumerRecord<?, ?> unreadable) {
        Header reason = unreadable.headers().lastHeader(SkippingEventDeserializer.UNREADABLE_REASON_HEADER);
        return reason == null || reason.value() == null
                ? "its value did not read as an event"
                : new String(reason.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing to do: skipping happens as records are polled
    }

    @Override
    public void close() {
        // holds nothing to release
    }
}
