package dev.plumbline.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class EmbeddedKafkaResourceTest {

    @Test
    void pointsQuarkusAtARunningBrokerAndTurnsDevServicesOff() throws Exception {
        Map<String, String> properties = new EmbeddedKafkaResource().start();

        assertThat(properties).containsEntry("quarkus.kafka.devservices.enabled", "false");
        try (Admin admin = KafkaTestClients.admin(properties.get("kafka.bootstrap.servers"))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void everyTestClassAndQuarkusRestartReusesTheOneBrokerOfTheJvm() {
        EmbeddedKafkaResource first = new EmbeddedKafkaResource();
        String servers = first.start().get("kafka.bootstrap.servers");
        first.stop();

        String again = new EmbeddedKafkaResource().start().get("kafka.bootstrap.servers");

        assertThat(again).isEqualTo(servers);
    }

    @Test
    void usesTheBrokerNamedByKAFKABOOTSTRAPSERVERSInsteadOfStartingOne() {
        System.setProperty(SharedEmbeddedKafka.BOOTSTRAP_SERVERS_VARIABLE, "kafka.example:19092");
        try {
            assertThat(new EmbeddedKafkaResource().start())
                    .containsEntry("kafka.bootstrap.servers", "kafka.example:19092");
        } finally {
            System.clearProperty(SharedEmbeddedKafka.BOOTSTRAP_SERVERS_VARIABLE);
        }
    }
}
