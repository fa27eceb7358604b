package dev.plumbline.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.cli.testing.SandboxApplications;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.git.Trailer;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.topic.TopicSpec;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class AuditCommandsTest {

    /** As the drift-auditor's AuditAssembler writes details: times as ISO-8601 text. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String SHA = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

    private static final SigningKey DRIFT_AUDITOR = TestSigningKeys.signingKey("drift-auditor");
    private static final String SPEC = """
            {"source": {"repoURL": "http://git.example/config.git", "targetRevision": "main", "path": "apps/shop"},
             "destination": {"namespace": "shop"}}
            """;

    @TempDir
    Path folder;

    private EmbeddedKafka kafka;
    private EventTestClient client;
    private SandboxApplications cluster;
    private Map<String, String> environment;

    @BeforeEach
    void start() {
        kafka = EmbeddedKafka.startEphemeral();
        client = new EventTestClient(kafka.bootstrapServers());
        client.ensureTopics(List.of(Topics.spec(Topics.AUDIT, 2)));
        cluster = new SandboxApplications(folder);
        Map<String, String> settings = new HashMap<>(cluster.environment());
        settings.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        settings.put(
                "PLUMBLINE_TRUST_DRIFT_AUDITOR_KEYS",
                TestSigningKeys.publicKeyFile("drift-auditor").toString());
        environment = Map.copyOf(settings);
    }

    @AfterEach
    void stop() {
        client.close();
        kafka.close();
        cluster.close();
    }

    @Test
    void tailPrintsOneLinePerRecordWithTheCommitsAuthorAndApprover() {
        List<AuditRecord> shop = trail("shop");
        trail("web").forEach(client::send);
        shop.forEach(client::send);

        Plumb.Run run = Plumb.run(environment, "audit", "tail", "--app", "shop", "-n", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        shop.get(1).time().truncatedTo(ChronoUnit.SECONDS)
                                + "  shop  1a2b3c4 (Ana Lima, approved by Ben <ben@example.com>)  rendered  by "
                                + "plumbline: rendered 1 object at 1a2b3c4",
                        shop.get(2).time().truncatedTo(ChronoUnit.SECONDS)
                                + "  shop  1a2b3c4 (Ana Lima, approved by Ben <ben@example.com>)  applied  by "
                                + "plumbline: applied Deployment apps/v1 shop/web");
    }

    @Test
    void followPrintsRecordsAsTheyAreWritten() throws Exception {
        List<AuditRecord> shop = trail("shop");
        client.send(shop.get(0));
        ExecutorService terminal = Executors.newSingleThreadExecutor();
        StringWriter screen = new StringWriter();
        try {
            Future<Plumb.Run> tail = terminal.submit(
                    () -> Plumb.run(environment, new PrintWriter(screen, true), "audit", "tail", "--follow"));
            await().atMost(Duration.ofSeconds(20)).until(() -> screen.toString().contains("commit-detected"));
            client.send(shop.get(1));

            await().atMost(Duration.ofSeconds(20)).until(() -> screen.toString().contains("rendered 1 object"));
            terminal.shutdownNow();
            assertThat(tail.get(20, TimeUnit.SECONDS).exitCode()).isZero();
        } finally {
            terminal.shutdownNow();
        }
    }

    @Test
    void verifyReportsAnIntactChainWithItsCounts() {
        trail("shop").forEach(client::send);
        trail("web").forEach(client::send);

        Plumb.Run run = Plumb.run(environment, "audit", "verify");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("6 records of 2 apps, chain intact, every record signed by the drift-auditor, no trail "
                        + "shorter than its Application records\n");
    }

    @Test
    void verifyFindsARecordAppendedBySomeoneElseWhoseHashMatches() {
        List<AuditRecord> shop = trail("shop");
        shop.forEach(client::send);
        client.send(AuditRecord.next(
                shop.get(2),
                EventSamples.applyAction(),
                "shop",
                AuditAction.APPLIED,
                "mallory",
                "applied nothing",
                SHA,
                List.of(),
                null));

        Plumb.Run run = Plumb.run(environment, "audit", "verify");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("4 records of 1 app: chain BROKEN at shop record #4 (untrusted): it is not signed, but the"
                        + " records before it are: it was not written by the drift-auditor");
    }

    @Test
    void aCopyOfTheTrailWithoutAnAppsLastRecordIsFoundCutShortByItsApplicationsHead() throws Exception {
        List<AuditRecord> shop = trail("shop");
        List<AuditRecord> web = trail("web");
        shop.forEach(client::send);
        web.forEach(client::send);
        cluster.create("shop", SPEC, head(shop.get(2)));
        cluster.create("web", SPEC, head(web.get(2)));
        String copy = "plumbline.audit-copy";
        TopicSpec audit = Topics.spec(Topics.AUDIT, 2);
        client.ensureTopics(List.of(new TopicSpec(copy, 2, audit.cleanupPolicy(), audit.configs())));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            for (AuditRecord record : List.of(shop.get(0), web.get(0), shop.get(1), web.get(1), shop.get(2))) {
                producer.send(new ProducerRecord<>(copy, record.app(), new String(EventJson.write(record))))
                        .get();
            }
        }

        Plumb.Run original = Plumb.run(environment, "audit", "verify");
        Plumb.Run cut = Plumb.run(environment, "audit", "verify", "--topic", copy);

        assertThat(original.exitCode()).as(original.out() + original.err()).isZero();
        assertThat(cut.exitCode()).as(cut.err()).isEqualTo(1);
        assertThat(cut.out())
                .isEqualTo("5 records of 2 apps: trail of web ends at record 2 but its Application"
                        + " records 3 (hash " + web.get(2).hash() + "): the trail was cut short\n");
    }

    @Test
    void verifyWithoutTheDriftAuditorsKeySaysItCheckedNoSignature() {
        trail("shop").forEach(client::send);
        Map<String, String> withoutKey = new HashMap<>(environment);
        withoutKey.remove("PLUMBLINE_TRUST_DRIFT_AUDITOR_KEYS");

        Plumb.Run run = Plumb.run(withoutKey, "audit", "verify");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("signatures NOT checked: no public key of the drift-auditor");
    }

    @Test
    void aKeyFileThatIsNotAPublicKeyIsAnErrorNamingIt() {
        trail("shop").forEach(client::send);

        Plumb.Run run = Plumb.run(
                environment,
                "audit",
                "verify",
                "--drift-auditor-key",
                TestSigningKeys.privateKeyFile("drift-auditor").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("drift-auditor.key").contains("PUBLIC KEY");
    }

    /** The status the reconciler writes once it verified an app's last record. */
    private static String head(AuditRecord last) {
        return "{\"audit\": {\"count\": " + last.sequence() + ", \"hash\": \"" + last.hash() + "\", \"recordedAt\": \""
                + last.time() + "\"}}";
    }

    @Test
    void verifyNamesTheFirstBrokenRecordWithExitCode1() throws Exception {
        List<AuditRecord> shop = trail("shop");
        ObjectNode edited = (ObjectNode) JSON.readTree(EventJson.write(shop.get(1)));
        edited.put("actor", "mallory");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.AUDIT, "shop", new String(EventJson.write(shop.get(0)))));
            producer.send(new ProducerRecord<>(Topics.AUDIT, "shop", edited.toString()));
            producer.send(new ProducerRecord<>(Topics.AUDIT, "shop", new String(EventJson.write(shop.get(2)))))
                    .get();
        }

        Plumb.Run run = Plumb.run(environment, "audit", "verify");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .startsWith("3 records of 1 app: chain BROKEN at shop record #2 (changed): its content "
                        + "does not match its hash: it was changed after it was written");
    }

    /** A commit, its render and its apply, chained as the drift-auditor's AuditAssembler chains them. */
    private static List<AuditRecord> trail(String app) {
        GitSignature ana = new GitSignature("Ana Lima", "ana@example.com", Instant.parse("2026-11-27T15:00:00Z"));
        CommitInfo info = new CommitInfo(
                SHA,
                ana,
                ana,
                "Scale web\n\nApproved-by: Ben <ben@example.com>\n",
                List.of(new Trailer("Approved-by", "Ben <ben@example.com>")));
        CommitDetected commit = CommitDetected.of(
                "corr-1",
                "http://git.example/config.git",
                "refs/heads/main",
                null,
                SHA,
                RefUpdateKind.INITIAL,
                List.of(info),
                List.of("apps/" + app + "/web.yaml"),
                FetchCause.poll(),
                null);
        ObjectNode details = JSON.createObjectNode();
        details.set("commits", JSON.valueToTree(commit.commits()));
        AuditRecord detected = AuditRecord.next(
                null,
                commit,
                app,
                AuditAction.COMMIT_DETECTED,
                "Ana Lima <ana@example.com>",
                "commit 1a2b3c4 on main: Scale web",
                SHA,
                List.of(),
                details);
        AuditRecord rendered = AuditRecord.next(
                detected,
                EventSamples.manifestsRendered(),
                app,
                AuditAction.RENDERED,
                AuditRecord.PLUMBLINE_ACTOR,
                "rendered 1 object at 1a2b3c4",
                SHA,
                List.of(),
                null);
        AuditRecord applied = AuditRecord.next(
                rendered,
                EventSamples.applyAction(),
                app,
                AuditAction.APPLIED,
                AuditRecord.PLUMBLINE_ACTOR,
                "applied Deployment apps/v1 shop/web",
                SHA,
                List.of(),
                null);
        // signed as the drift-auditor signs them: over the hash, which leaves the signature out
        return List.of(
                detected.signedBy(DRIFT_AUDITOR), rendered.signedBy(DRIFT_AUDITOR), applied.signedBy(DRIFT_AUDITOR));
    }
}
