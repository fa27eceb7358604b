package dev.plumbline.cli.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.cli.testing.SandboxApplications;
import dev.plumbline.cli.testing.ServiceStandIn;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.SyncStatus;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plumb app get}'s {@code Owner:} on the secured broker of {@code ./plumb up}, as the CLI's own principal:
 * two reconcilers share {@code plumbline.rendered-manifests} in their group, and the one holding the app is named.
 */
@Tag("slow")
class AppOwnerTest {

    private static final String SPEC = """
            {"source": {"repoURL": "http://git.example/config.git", "targetRevision": "main", "path": "apps/shop"},
             "destination": {"namespace": "shop"}}
            """;

    private static final String SHA_OWNER = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    /** What an instance that no longer holds the app might still answer. */
    private static final String SHA_STALE = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

    @TempDir
    static Path folder;

    static SandboxApplications cluster;
    static EmbeddedKafka kafka;
    /** By instance: the reconcilers' consumers of the rendered-manifests channel. */
    static Map<String, KafkaConsumer<byte[], byte[]>> reconcilers;

    @BeforeAll
    static void start() throws Exception {
        cluster = new SandboxApplications(folder.resolve("cluster"));
        cluster.create("shop", SPEC, null);
        kafka = EmbeddedKafka.startSecured(folder.resolve("data"), freePort(), secured());
        try (Admin renderer = Admin.create(settings("renderer"))) {
            renderer.createTopics(List.of(new NewTopic(Topics.RENDERED_MANIFESTS, 6, (short) 1)))
                    .all()
                    .get();
        }
        reconcilers = Map.of("reconciler-1", reconciler("reconciler-1"), "reconciler-2", reconciler("reconciler-2"));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            reconcilers.values().forEach(consumer -> consumer.poll(Duration.ofMillis(100)));
            return reconcilers.values().stream()
                    .allMatch(consumer -> consumer.assignment().size() == 3);
        });
    }

    @AfterAll
    static void stop() {
        if (reconcilers != null) {
            reconcilers.values().forEach(KafkaConsumer::close);
        }
        if (kafka != null) {
            kafka.close();
        }
        cluster.close();
    }

    @Test
    void getNamesTheReconcilerHoldingTheAppsPartitionAndAsksThatOneForTheObjects() throws Exception {
        int partition = partitionTheProducerChooses("shop");
        String holder = holderOf(partition);
        String other = holder.equals("reconciler-1") ? "reconciler-2" : "reconciler-1";

        try (ServiceStandIn owning = new ServiceStandIn().answerJson("/api/apps/shop/diff", diffJson(SHA_OWNER));
                ServiceStandIn notOwning =
                        new ServiceStandIn().answerJson("/api/apps/shop/diff", diffJson(SHA_STALE))) {
            Map<String, String> environment = environment("plumb");
            // the other instance is listed first: the owner must still be the one asked
            environment.put("RECONCILER_INSTANCES", other + "=" + notOwning.url() + "," + holder + "=" + owning.url());

            Plumb.Run run = Plumb.run(environment, "app", "get", "shop");

            assertThat(run.err()).isEmpty();
            assertThat(run.out())
                    .contains("Owner:         reconciler: " + holder + "; drift-auditor: unknown (no instance is in "
                            + "plumbline-drift-auditor)")
                    .contains("(partition " + partition + ")")
                    .contains("Objects, as last compared (1a2b3c4):");

            Plumb.Run json = Plumb.run(environment, "app", "get", "shop", "-o", "json");
            assertThat(json.out())
                    .contains("\"owner\" : {")
                    .contains("\"partition\" : " + partition)
                    .contains("\"reconciler\" : \"" + holder + "\"");
        }
    }

    @Test
    void aPrincipalThatMayNotDescribeTheGroupsGetsUnknownWithTheReason() {
        Plumb.Run run = Plumb.run(environment("audit-reader"), "app", "get", "shop");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Owner:         unknown (these Kafka credentials may not describe "
                        + "plumbline.rendered-manifests)");
    }

    @Test
    void aBrokerThatDoesNotAnswerIsSaidInOneLine() throws IOException {
        Map<String, String> environment = environment("plumb");
        String nobody = "127.0.0.1:" + freePort();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", nobody);

        Plumb.Run run = Plumb.run(environment, "app", "get", "shop");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Owner:         unknown (Kafka at " + nobody + " does not answer)\n");
        assertThat(run.err()).isEmpty();
    }

    /** The partition a producer writes the app's records to: Kafka's own choice, not this test's arithmetic. */
    private static int partitionTheProducerChooses(String app) throws Exception {
        try (KafkaProducer<byte[], byte[]> renderer =
                new KafkaProducer<>(settings("renderer"), new ByteArraySerializer(), new ByteArraySerializer())) {
            return renderer.send(new ProducerRecord<>(
                            Topics.RENDERED_MANIFESTS,
                            app.getBytes(StandardCharsets.UTF_8),
                            "{}".getBytes(StandardCharsets.UTF_8)))
                    .get()
                    .partition();
        }
    }

    private static String holderOf(int partition) {
        TopicPartition wanted = new TopicPartition(Topics.RENDERED_MANIFESTS, partition);
        return reconcilers.entrySet().stream()
                .filter(reconciler -> reconciler.getValue().assignment().contains(wanted))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private static KafkaConsumer<byte[], byte[]> reconciler(String instance) {
        Map<String, Object> settings = settings("reconciler");
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "plumbline-reconciler");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "rendered-manifests@" + instance);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.RENDERED_MANIFESTS));
        return consumer;
    }

    private static Map<String, String> environment(String principal) {
        Map<String, String> environment = new HashMap<>(cluster.environment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put(
                "PLUMBLINE_KAFKA_CLIENT_PROPERTIES",
                EmbeddedKafka.clientProperties(secured(), principal).toString());
        environment.put("RECONCILER_URL", "http://127.0.0.1:1");
        return environment;
    }

    private static String diffJson(String revision) {
        DiffComputed diff = DiffComputed.of(
                "c1", "shop", revision, "sha256:00", SyncStatus.SYNCED, HealthStatus.HEALTHY, List.of());
        return new String(EventJson.write(diff), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> settings(String user) {
        return new HashMap<>(EmbeddedKafka.clientSettings(secured(), user));
    }

    private static Path secured() {
        return folder.resolve("kafka");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
