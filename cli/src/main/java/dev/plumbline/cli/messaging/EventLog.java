package dev.plumbline.cli.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.kafka.EventConsumers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What the services said on some topics from the moment this log was opened, read without a consumer group (so no
 * service's offsets move), and kept so that an event that came before someone asked for it is still found.
 */
public final class EventLog implements AutoCloseable {

    private final KafkaConsumer<String, PlumblineEvent> consumer;
    private final List<PlumblineEvent> seen = new ArrayList<>();

    /**
     * Opens the log at the current end of each topic.
     *
     * @param kafkaSettings the broker's address and the reader's credentials
     *
     * @throws MissingTopicException when one of the topics does not exist
     */
    public EventLog(Map<String, Object> kafkaSettings, Collection<String> topics) {
        // an event of a newer schema is not ours to read: it is skipped, and the story looks for the events it knows
        Map<String, Object> settings = new HashMap<>(kafkaSettings);
        settings.putAll(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG,
                "plumb-demo",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                64 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                64 * 1024 * 1024));
        consumer = EventConsumers.skippingUnreadable(settings);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                consumer.close();
                throw new MissingTopicException("the topic " + topic + " does not exist: are the services running?");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** The first event of {@code type} since the log was opened that matches, waiting up to {@code timeout}. */
    public <T extends PlumblineEvent> Optional<T> await(Class<T> type, Predicate<T> matches, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                PlumblineEvent event = seen.get(checked);
                if (type.isInstance(event) && matches.test(type.cast(event))) {
                    return Optional.of(type.cast(event));
                }
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative()) {
                return Optional.empty();
            }
            readFor(left.compareTo(Duration.ofMillis(500)) < 0 ? left : Duration.ofMillis(500));
        }
    }

    /** Every event of {@code type} read so far that matches, after reading what has arrived meanwhile. */
    public <T extends PlumblineEvent> List<T> all(Class<T> type, Predicate<T> matches) {
        readFor(Duration.ofMillis(200));
        return seen.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(matches)
                .toList();
    }

    private void readFor(Duration duration) {
        for (ConsumerRecord<String, PlumblineEvent> record : consumer.poll(duration)) {
            if (record.value() != null) {
                seen.add(record.value());
            }
        }
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
