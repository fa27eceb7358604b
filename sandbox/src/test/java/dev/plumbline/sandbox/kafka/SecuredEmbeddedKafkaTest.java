package dev.plumbline.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plumbline.events.topic.BusAccess;
import dev.plumbline.events.topic.TopicSpec;
import dev.plumbline.events.topic.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured broker, met by real clients with the settings files it writes: each principal may do its row only. */
@Tag("slow")
class SecuredEmbeddedKafkaTest {

    private static final Duration REFUSAL = Duration.ofSeconds(10);

    @TempDir
    static Path run;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startSecuredAndCreateTopicsAsTheirOwners() throws Exception {
        kafka = EmbeddedKafka.startSecured(run.resolve("data"), freePort(), run.resolve("kafka"));
        for (BusAccess owner : BusAccess.all()) {
            if (owner.writes().isEmpty()) {
                continue;
            }
            try (Admin admin = Admin.create(settingsOf(owner.user()))) {
                List<NewTopic> topics = Topics.all(1).stream()
                        .filter(spec -> owner.writes().contains(spec.name()))
                        .map(SecuredEmbeddedKafkaTest::newTopic)
                        .toList();
                admin.createTopics(topics).all().get();
            }
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void everyPrincipalHasAClientFileReadableByItsOwnerOnlyNamingTheSecuredListener() throws Exception {
        for (String user : BusAccess.users()) {
            Path file = EmbeddedKafka.clientProperties(run.resolve("kafka"), user);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(settingsOf(user))
                    .containsEntry("bootstrap.servers", kafka.bootstrapServers())
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        }
        assertThat(Files.getPosixFilePermissions(run.resolve("kafka")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var secrets = Files.walk(run.resolve("kafka"))) {
            assertThat(secrets.filter(Files::isRegularFile))
                    .isNotEmpty()
                    .allSatisfy(secret -> assertThat(Files.getPosixFilePermissions(secret))
                            .as("%s", secret)
                            .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
    }

    @Test
    void aClientWithoutCredentialsCannotUseTheBroker() {
        // it gets no answer at all: the TLS listener hears no TLS, so the call only ends at its timeout
        Map<String, Object> anonymous = Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "default.api.timeout.ms", 3_000,
                "request.timeout.ms", 3_000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get()).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> wrong = settingsOf(BusAccess.RENDERER);
        wrong.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"renderer\" "
                        + "password=\"guessed\";");
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .hasRootCauseInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
        }
    }

    @Test
    void theNotifierMayWriteNeitherRenderedManifestsNorSyncRequests() {
        for (String topic : List.of(Topics.RENDERED_MANIFESTS, Topics.SYNC_REQUESTS)) {
            assertThatThrownBy(() -> produce(BusAccess.NOTIFIER, topic))
                    .as(topic)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theCliWritesNothingAndTheAuditReaderReadsOnlyTheAuditTrail() {
        // refused on the cluster already: an idempotent producer that may write no topic may not produce at all
        assertThatThrownBy(() -> produce(BusAccess.PLUMB, Topics.AUDIT))
                .hasCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> readFromEach(BusAccess.AUDIT_READER, Set.of(Topics.COMMIT_EVENTS)))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceMayNotCreateATopicItDoesNotWriteNorJoinAnotherServicesGroup() throws Exception {
        try (Admin renderer = Admin.create(settingsOf(BusAccess.RENDERER))) {
            assertThatThrownBy(() -> renderer.createTopics(List.of(new NewTopic("plumbline.elsewhere", 1, (short) 1)))
                            .all()
                            .get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> settings = settingsOf(BusAccess.NOTIFIER);
        settings.put("group.id", "plumbline-reconciler");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DRIFT_ALERTS));
            assertThatThrownBy(() -> consumer.poll(REFUSAL)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    /** kcat comes from Debian's package of that name; CI installs it ({@code .ci/run}). */
    @Test
    void kcatConnectsAsAPrincipalWithItsFileAndIsHeldToItsRow() throws Exception {
        assumeTrue(onPath("kcat"), "kcat is not installed (apt-get install kcat)");
        produce(BusAccess.DRIFT_AUDITOR, Topics.AUDIT);
        Path auditReader = run.resolve("kafka").resolve(BusAccess.AUDIT_READER + ".kcat.conf");

        Kcat trail = kcat(auditReader, "-C", "-t", Topics.AUDIT, "-e", "-o", "beginning");
        Kcat elsewhere = kcat(auditReader, "-C", "-t", Topics.COMMIT_EVENTS, "-e", "-o", "beginning");

        assertThat(trail.exitCode()).as(trail.output()).isZero();
        assertThat(trail.output()).contains("from " + BusAccess.DRIFT_AUDITOR);
        assertThat(elsewhere.exitCode()).isNotZero();
        assertThat(elsewhere.output()).containsIgnoringCase("authoriz");
    }

    @Test
    void theOperatorsAdminMayManageTheBusAsTheBrokerAllowsNoServiceTo() throws Exception {
        try (Admin operator = Admin.create(settingsOf(SecuredBus.OPERATOR_USER))) {
            operator.createTopics(List.of(new NewTopic("plumbline.audit-copy", 1, (short) 1)))
                    .all()
                    .get();

            assertThat(operator.listTopics().names().get()).contains("plumbline.audit-copy", Topics.AUDIT);
        }
        produce(SecuredBus.OPERATOR_USER, "plumbline.audit-copy");
    }

    @Test
    void eachPrincipalWritesTheTopicsItWritesAndReadsThoseItReadsInItsOwnGroup() throws Exception {
        for (BusAccess access : BusAccess.all()) {
            for (String topic : access.writes()) {
                produce(access.user(), topic);
            }
        }
        for (BusAccess access : BusAccess.all()) {
            assertThat(readFromEach(access.user(), access.reads()))
                    .as("the topics %s reads", access.user())
                    .containsExactlyInAnyOrderElementsOf(access.reads());
        }
    }

    private record Kcat(int exitCode, String output) {}

    private static Kcat kcat(Path config, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("kcat", "-F", config.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Kcat(process.waitFor(), output);
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }

    private static void produce(String user, String topic) throws Exception {
        Map<String, Object> settings = settingsOf(user);
        settings.put("max.block.ms", (int) REFUSAL.toMillis());
        settings.put("request.timeout.ms", (int) REFUSAL.toMillis());
        settings.put("delivery.timeout.ms", 2 * (int) REFUSAL.toMillis());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "web", "from " + user)).get();
        }
    }

    /**
     * Reads until a record of each topic has arrived, in a group of the principal's own when it has a group prefix
     * (committing, as a service does), else from partition 0 of each; returns the topics read.
     */
    private static Set<String> readFromEach(String user, Set<String> topics) {
        Map<String, Object> settings = settingsOf(user);
        settings.put("auto.offset.reset", "earliest");
        settings.put("enable.auto.commit", "false");
        Optional<String> group = BusAccess.of(user).groupPrefix().map(prefix -> prefix + UUID.randomUUID());
        group.ifPresent(id -> settings.put("group.id", id));
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            if (group.isPresent()) {
                consumer.subscribe(topics);
            } else {
                consumer.assign(topics.stream()
                        .map(topic -> new TopicPartition(topic, 0))
                        .toList());
            }
            Set<String> read = new HashSet<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.topic()));
                return read.containsAll(topics);
            });
            if (group.isPresent()) {
                consumer.commitSync();
            }
            return read;
        }
    }

    private static NewTopic newTopic(TopicSpec spec) {
        return new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.topicConfigs());
    }

    private static Map<String, Object> settingsOf(String user) {
        return EmbeddedKafka.clientSettings(run.resolve("kafka"), user);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
