package dev.plumbline.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class EmbeddedKafkaTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startEphemeral();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void anEphemeralBrokerCarriesRecordsFromAProducerToAConsumer() throws Exception {
        createTopic("round-trip");
        String servers = kafka.bootstrapServers();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(servers);
                KafkaConsumer<String, String> consumer = KafkaTestClients.consumer(servers, "round-trip")) {
            producer.send(new ProducerRecord<>("round-trip", "app-a", "first")).get();
            producer.send(new ProducerRecord<>("round-trip", "app-a", "second")).get();
            consumer.subscribe(List.of("round-trip"));

            List<ConsumerRecord<String, String>> received = KafkaTestClients.pollUntil(consumer, 2);

            assertThat(received).extracting(ConsumerRecord::key).containsExactly("app-a", "app-a");
            assertThat(received).extracting(ConsumerRecord::value).containsExactly("first", "second");
        }
    }

    @Test
    void a32MibRecordFlowsThroughTheBroker() throws Exception {
        createTopic("large-records");
        String renderedApp = "x".repeat(32 * 1024 * 1024);
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(kafka.bootstrapServers());
                KafkaConsumer<String, String> consumer = KafkaTestClients.consumer(kafka.bootstrapServers(), "large")) {
            producer.send(new ProducerRecord<>("large-records", "big-app", renderedApp))
                    .get();
            consumer.subscribe(List.of("large-records"));

            List<ConsumerRecord<String, String>> received = KafkaTestClients.pollUntil(consumer, 1);

            assertThat(received.get(0).value()).hasSameSizeAs(renderedApp);
        }
    }

    @Test
    void askingForAnUnknownTopicDoesNotCreateIt() throws Exception {
        try (Admin admin = KafkaTestClients.admin(kafka.bootstrapServers());
                KafkaConsumer<String, String> consumer = KafkaTestClients.consumer(kafka.bootstrapServers(), "probe")) {
            // a consumer asks the broker to auto-create by default; the broker must refuse
            assertThat(consumer.partitionsFor("nobody-created-this")).isEmpty();
            assertThat(admin.listTopics().names().get()).doesNotContain("nobody-created-this");
        }
    }

    @Test
    void aFatalBrokerErrorIsLoggedInsteadOfEndingTheJvmTheTestsRunIn() {
        // what a broker thread does when the broker's log folders are gone, as they are while a test JVM exits
        Exit.halt(1, "Shutdown broker because all log dirs have failed");
        Exit.exit(1, "fatal error");

        assertThat(kafka.bootstrapServers()).isNotBlank();
    }

    private static void createTopic(String name) throws Exception {
        try (Admin admin = KafkaTestClients.admin(kafka.bootstrapServers())) {
            admin.createTopics(Set.of(new NewTopic(name, 1, (short) 1).configs(Map.of())))
                    .all()
                    .get();
        }
    }
}
