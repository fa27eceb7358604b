package dev.plumbline.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class PersistentEmbeddedKafkaTest {

    private static final String TOPIC = "plumbline.rendered-manifests";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final String GROUP = "reconciler";

    @TempDir
    Path dataDir;

    @Test
    void aRestartedBrokerKeepsItsTopicsRecordsAndCommittedOffsets() throws Exception {
        int port = freePort();
        try (EmbeddedKafka kafka = EmbeddedKafka.startPersistent(dataDir, port)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            try (Admin admin = KafkaTestClients.admin(kafka.bootstrapServers())) {
                admin.createTopics(
                                Set.of(new NewTopic(TOPIC, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = KafkaTestClients.producer(kafka.bootstrapServers())) {
                producer.send(new ProducerRecord<>(TOPIC, "app-a", "rev-1")).get();
                producer.send(new ProducerRecord<>(TOPIC, "app-b", "rev-1")).get();
                producer.send(new ProducerRecord<>(TOPIC, "app-a", "rev-2")).get();
            }
            try (KafkaConsumer<String, String> consumer = KafkaTestClients.consumer(kafka.bootstrapServers(), GROUP)) {
                consumer.assign(List.of(PARTITION));
                KafkaTestClients.pollUntil(consumer, 2);
                consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(2)));
            }
        }

        try (EmbeddedKafka restarted = EmbeddedKafka.startPersistent(dataDir, port)) {
            try (Admin admin = KafkaTestClients.admin(restarted.bootstrapServers())) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
                Config config = admin.describeConfigs(Set.of(topic)).all().get().get(topic);
                assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");

                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get();
                assertThat(committed).containsEntry(PARTITION, new OffsetAndMetadata(2));
            }
            try (KafkaConsumer<String, String> consumer =
                    KafkaTestClients.consumer(restarted.bootstrapServers(), "auditor")) {
                consumer.assign(List.of(PARTITION));
                List<ConsumerRecord<String, String>> records = KafkaTestClients.pollUntil(consumer, 3);
                assertThat(records).extracting(ConsumerRecord::value).containsExactly("rev-1", "rev-1", "rev-2");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
