package dev.plumbline.sandbox.kafka;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("slow")
class EmbeddedKafkaResourceTest {

    @Test
    void points_quarkus_at_a_running_broker_and_turns_dev_services_off() throws Exception {
        Map<String, String> properties = new EmbeddedKafkaResource().start();

        assertThat(properties).containsEntry("quarkus.kafka.devservices.enabled", "false");
        try (Admin admin = KafkaTestClients.admin(properties.get("kafka.bootstrap.servers"))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void every_test_class_and_quarkus_restart_reuses_the_one_broker_of_the_jvm() {
        EmbeddedKafkaResource first = new EmbeddedKafkaResource();
        String servers = first.start().get("kafka.bootstrap.servers");
        first.stop();

        String again = new EmbeddedKafkaResource().start().get("kafka.bootstrap.servers");

        assertThat(again).isEqualTo(servers);
    }

    @Test
    void uses_the_broker_named_by_KAFKA_BOOTSTRAP_SERVERS_instead_of_starting_one() {
        System.setProperty(SharedEmbeddedKafka.BOOTSTRAP_SERVERS_VARIABLE, "kafka.example:19092");
        try {
            assertThat(new EmbeddedKafkaResource().start())
                    .containsEntry("kafka.bootstrap.servers", "kafka.example:19092");
        } finally {
            System.clearProperty(SharedEmbeddedKafka.BOOTSTRAP_SERVERS_VARIABLE);
        }
    }
}
