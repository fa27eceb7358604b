package dev.plumbline.cli.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.events.topic.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The audit trail as stored on {@code plumbline.audit}, read straight from Kafka: the topic is the record of truth
 * and outlives every service, so the trail can be read and verified whole while the drift-auditor is down. Records
 * are kept as JSON trees, exactly as written, so their hashes can be checked. Reading uses no consumer group and
 * commits nothing: it leaves no trace on the broker.
 */
public final class AuditTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);

    /** The records present when read, in topic order per partition, and whether retention has removed any. */
    public record Contents(List<JsonNode> records, boolean complete) {}

    private final String bootstrapServers;
    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    /** The partitions {@link #readAll()} found, which {@link #follow(Consumer)} goes on reading. */
    private List<TopicPartition> partitions = List.of();

    /** @param kafkaSettings the broker's address and the reader's credentials */
    public AuditTopic(Map<String, Object> kafkaSettings) {
        this(kafkaSettings, Topics.AUDIT);
    }

    /**
     * @param kafkaSettings the broker's address and the reader's credentials
     * @param topic         the topic to read: {@code plumbline.audit}, or a copy of it
     */
    public AuditTopic(Map<String, Object> kafkaSettings, String topic) {
        this.bootstrapServers = String.valueOf(kafkaSettings.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.topic = topic;
        requireReachable(bootstrapServers);
        Properties settings = new Properties();
        settings.putAll(kafkaSettings);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "plumb-audit");
        consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Everything on the topic now. */
    public Contents readAll() {
        try {
            partitions = consumer.partitionsFor(topic, BROKER_TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty() && !topic.equals(Topics.AUDIT)) {
                throw new CommandFailedException("the topic " + topic + " does not exist at " + bootstrapServers);
            }
            if (partitions.isEmpty()) {
                return new Contents(List.of(), true);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<JsonNode> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(POLL).forEach(record -> records.add(parse(record)));
            }
            boolean complete = beginnings.values().stream().allMatch(offset -> offset == 0);
            return new Contents(records, complete);
        } catch (TimeoutException e) {
            throw unreachable();
        } catch (AuthorizationException e) {
            throw new CommandFailedException("the Kafka principal of these client settings may not read " + topic
                    + " (" + e.getMessage() + "): read it with one that may, naming its client properties in "
                    + "PLUMBLINE_KAFKA_CLIENT_PROPERTIES (a local run writes them under .plumbline/run/kafka/)");
        } catch (KafkaException e) {
            throw new CommandFailedException(
                    "cannot read " + topic + " from Kafka at " + bootstrapServers + ": " + e.getMessage());
        }
    }

    /** Hands each record written after {@link #readAll()} to {@code sink}, until the process is stopped. */
    public void follow(Consumer<JsonNode> sink) {
        if (partitions.isEmpty()) {
            throw new CommandFailedException("the topic " + topic + " does not exist yet at " + bootstrapServers
                    + ": is the drift-auditor running?");
        }
        try {
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(POLL).forEach(record -> sink.accept(parse(record)));
            }
        } catch (InterruptException stopped) {
            // asked to stop: the records so far are printed, which is all following promises
            Thread.currentThread().interrupt();
        } catch (KafkaException e) {
            throw new CommandFailedException("lost Kafka at " + bootstrapServers + ": " + e.getMessage());
        }
    }

    /**
     * Fails at once when no bootstrap server accepts a connection (Plumbline not started is the usual case), where
     * the Kafka client would retry until its timeout.
     */
    private static void requireReachable(String bootstrapServers) {
        for (String server : bootstrapServers.split(",")) {
            int colon = server.strip().lastIndexOf(':');
            if (colon < 0) {
                return;
            }
            try (Socket socket = new Socket()) {
                socket.connect(
                        new InetSocketAddress(
                                server.strip().substring(0, colon),
                                Integer.parseInt(server.strip().substring(colon + 1))),
                        (int) BROKER_TIMEOUT.toMillis());
                return;
            } catch (IOException | IllegalArgumentException unreachable) {
                // try the next one
            }
        }
        throw new CommandFailedException("cannot reach Kafka at " + bootstrapServers + " (KAFKA_BOOTSTRAP_SERVERS): "
                + "is Plumbline running? (./plumb up)");
    }

    private CommandFailedException unreachable() {
        return new CommandFailedException("cannot reach Kafka at " + bootstrapServers + " within "
                + BROKER_TIMEOUT.toSeconds() + "s (KAFKA_BOOTSTRAP_SERVERS): is Plumbline running? (./plumb up)");
    }

    /** A record that is not JSON is kept as text, so that the verifier reports it rather than the reader failing. */
    private static JsonNode parse(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException | RuntimeException notJson) {
            return JSON.getNodeFactory()
                    .textNode(
                            record.value() == null
                                    ? ""
                                    : new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        // no consumer group, no offsets: nothing to hand over on close
        consumer.close(CloseOptions.timeout(Duration.ZERO));
    }
}
