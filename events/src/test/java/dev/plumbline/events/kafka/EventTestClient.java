package dev.plumbline.events.kafka;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.topic.TopicSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a test needs to play the other services on a real broker: publish events and tombstones the way their
 * writers do, create topics as their owners would, look at how a topic was created and wait for what a service
 * wrote.
 */
public final class EventTestClient implements AutoCloseable {

    private final Map<String, Object> connection;
    private final Admin admin;
    private final KafkaProducer<String, PlumblineEvent> producer;

    public EventTestClient(String bootstrapServers) {
        this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * A client of a secured broker, connected as the principal whose client settings (bootstrap address, security
     * protocol, credentials, truststore) these are.
     */
    public EventTestClient(Map<String, ?> connection) {
        this.connection = Map.copyOf(connection);
        this.admin = Admin.create(this.connection);
        this.producer = new KafkaProducer<>(producerSettings(), new StringSerializer(), new EventSerializer());
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return settings;
    }

    /** Creates topics as their owning service does at start-up. */
    public void ensureTopics(Collection<TopicSpec> topics) {
        new TopicProvisioner().ensure(admin, topics);
    }

    /** Publishes an event on its topic under its key, and waits until the broker has it. */
    public void send(PlumblineEvent event) {
        sendRecord(new ProducerRecord<>(event.topic(), event.key(), event));
    }

    /** Publishes an event on one partition of its topic, for a test that needs records in a known order. */
    public void send(PlumblineEvent event, int partition) {
        sendRecord(new ProducerRecord<>(event.topic(), partition, event.key(), event));
    }

    /** Publishes a value no Plumbline reader can read (bad JSON, an unknown type), as a faulty writer might. */
    public void sendUnreadable(String topic, int partition, String key, String value) {
        try (KafkaProducer<String, String> raw =
                new KafkaProducer<>(producerSettings(), new StringSerializer(), new StringSerializer())) {
            get(raw.send(new ProducerRecord<>(topic, partition, key, value)));
        }
    }

    /** Publishes a tombstone: the key's value is deleted from a compacted topic. */
    public void sendTombstone(String topic, String key) {
        sendRecord(new ProducerRecord<>(topic, key, null));
    }

    public TopicDescription describe(String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    }

    public String topicConfig(String topic, String key) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = get(admin.describeConfigs(List.of(resource)).all()).get(resource);
        return config.get(key).value();
    }

    public Set<String> topicNames() {
        return get(admin.listTopics().names());
    }

    /**
     * Reads a topic from its beginning until an event of the given type matches, and returns it.
     *
     * @throws AssertionError when none matched within {@code within}
     */
    public <T extends PlumblineEvent> T awaitRecord(
            String topic, Duration within, Class<T> type, Predicate<T> matches) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        Instant deadline = Instant.now().plus(within);
        try (KafkaConsumer<String, PlumblineEvent> consumer = EventConsumers.skippingUnreadable(settings)) {
            consumer.assign(consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList());
            consumer.seekToBeginning(consumer.assignment());
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, PlumblineEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (type.isInstance(record.value()) && matches.test(type.cast(record.value()))) {
                        return type.cast(record.value());
                    }
                }
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " on " + topic + " within " + within);
    }

    /**
     * Counts the events of one type that a topic holds, read from its beginning to its end as it is now: how a test
     * tells that something was written once, not twice.
     */
    public <T extends PlumblineEvent> long count(String topic, Class<T> type, Predicate<T> matches) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        long count = 0;
        try (KafkaConsumer<String, PlumblineEvent> consumer = EventConsumers.skippingUnreadable(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, PlumblineEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (type.isInstance(record.value()) && matches.test(type.cast(record.value()))) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private void sendRecord(ProducerRecord<String, PlumblineEvent> record) {
        get(producer.send(record));
    }

    private static <T> T get(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
