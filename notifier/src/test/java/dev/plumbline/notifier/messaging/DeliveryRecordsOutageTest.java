package dev.plumbline.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.NotificationSent;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery outcome written while the broker is away (stopped for the fault suite's 30 s, then started again on the
 * same port and data) is in the delivery log once the broker is back, exactly once, although the notifier tries the
 * write again after each failure (as its delivery workers do).
 */
@Tag("slow")
@Tag("outage")
class DeliveryRecordsOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(35);

    @TempDir
    Path data;

    private EmbeddedKafka broker;
    private final KafkaDeliveryRecords records = new KafkaDeliveryRecords();

    @AfterEach
    void stop() {
        records.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anOutcomeWrittenWhileTheBrokerIsAwayIsInTheDeliveryLogOnceWhenItIsBack() throws Exception {
        int port = freePort();
        broker = EmbeddedKafka.startPersistent(data, port);
        try (EventTestClient client = new EventTestClient(broker.bootstrapServers())) {
            client.ensureTopics(Topics.all());
        }
        records.kafkaSettings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        records.sent(delivered("before-the-outage"));

        broker.close();
        Instant stopped = Instant.now();
        AtomicInteger tries = new AtomicInteger();
        CompletableFuture<Void> written =
                CompletableFuture.runAsync(() -> writeUntilStored("during-the-outage", tries));
        await().atMost(OUTAGE.plusSeconds(10))
                .until(() -> Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0);
        broker = EmbeddedKafka.startPersistent(data, port);

        written.get();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outcomesOf("during-the-outage", broker.bootstrapServers()) > 0);
        assertThat(outcomesOf("during-the-outage", broker.bootstrapServers()))
                .as("NotificationSent records after %d tries", tries.get())
                .isEqualTo(1);
    }

    /** What a delivery worker does with an outcome: write it, and after a failure write it again. */
    private void writeUntilStored(String app, AtomicInteger tries) {
        while (true) {
            tries.incrementAndGet();
            try {
                records.sent(delivered(app));
                return;
            } catch (Exception notYet) {
                // tried again at once: the worker's pause between tries changes nothing here
            }
        }
    }

    private static NotificationSent delivered(String app) {
        return NotificationSent.of(
                "c-" + app,
                app,
                "drift:" + app,
                NotificationOccasion.DRIFT_DETECTED,
                NotificationChannel.SLACK,
                "ops",
                null,
                List.of(),
                List.of());
    }

    /** How many outcomes of {@code app} the delivery log holds, read from its beginning to its end. */
    private static long outcomesOf(String app, String bootstrapServers) {
        try (EventTestClient client = new EventTestClient(bootstrapServers)) {
            return client.count(
                    Topics.NOTIFICATIONS,
                    NotificationSent.class,
                    sent -> sent.app().equals(app));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
