package dev.plumbline.cli.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A principal of a run's secured bus, with the client settings the run wrote for it. */
public final class BusPrincipal {

    private BusPrincipal() {}

    /** The settings of {@code <user>.properties} in the run's folder of Kafka client settings. */
    /** Every record of a topic, from its beginning to its end as it is now, as raw bytes. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> reader, String topic) {
        Map<String, Object> reading = new HashMap<>(reader);
        reading.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        reading.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(reading, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Writes records into a new topic, each to the partition it came from, with its key, value and headers, as an
     * operator copies a topic for forensics.
     *
     * @param operator the settings of a principal that may create and write {@code topic}
     */
    public static void writeTopic(
            Map<String, Object> operator, String topic, int partitions, List<ConsumerRecord<byte[], byte[]>> records)
            throws Exception {
        try (Admin admin = Admin.create(operator);
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(operator, new ByteArraySerializer(), new ByteArraySerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(
                                topic, record.partition(), record.key(), record.value(), record.headers()))
                        .get();
            }
        }
    }
}
