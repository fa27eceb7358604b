package dev.plumbline.driftauditor.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drift alert found while the broker is away (stopped for the fault suite's 30 s, then started again on the same
 * port and data) is published once the broker is back: not lost, and not written twice.
 */
@Tag("slow")
@Tag("outage")
class EventPublisherOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(35);
    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");

    @TempDir
    Path data;

    private EmbeddedKafka broker;
    private final EventPublisher publisher = new EventPublisher();

    @AfterEach
    void stop() {
        publisher.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aDriftAlertRaisedWhileTheBrokerIsAwayIsPublishedOnceWhenItIsBack() throws Exception {
        int port = freePort();
        broker = EmbeddedKafka.startPersistent(data, port);
        try (EventTestClient client = new EventTestClient(broker.bootstrapServers())) {
            client.ensureTopics(Topics.all());
        }
        publisher.kafkaSettings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        publisher.publishAndWait(drift("before-the-outage"));

        broker.close();
        Instant stopped = Instant.now();
        publisher.publish(drift("during-the-outage"));
        await().atMost(OUTAGE.plusSeconds(10))
                .until(() -> Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0);
        broker = EmbeddedKafka.startPersistent(data, port);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> alertsOf("during-the-outage", broker.bootstrapServers()) > 0);
        assertThat(alertsOf("during-the-outage", broker.bootstrapServers())).isEqualTo(1);
        assertThat(alertsOf("before-the-outage", broker.bootstrapServers())).isEqualTo(1);
    }

    private static DriftDetected drift(String app) {
        return DriftDetected.of(
                "corr-" + app,
                app,
                "ep-" + app,
                "aaa1111",
                DriftMode.HEAL,
                null,
                List.of(new DriftedObject(WEB, DriftKind.DELETED, List.of())));
    }

    /** How many drift alerts of {@code app} the topic holds, read from its beginning to its end. */
    private static long alertsOf(String app, String bootstrapServers) {
        try (EventTestClient client = new EventTestClient(bootstrapServers)) {
            return client.count(
                    Topics.DRIFT_ALERTS,
                    DriftDetected.class,
                    alert -> alert.app().equals(app));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
