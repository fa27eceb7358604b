package dev.plumbline.cli.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.cli.testing.Plumb;
import dev.plumbline.cli.testing.SandboxApplications;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.EventType;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals of the last hour, counted and listed per project from the audit trail on Kafka. */
@Tag("slow")
class ProjectRefusalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String NOT_SIGNED =
            "commit 1a2b3c4 by Ana Lima is not signed; project \"team-a\" requires a signature by one of its keys";

    @TempDir
    static Path folder;

    static EmbeddedKafka kafka;
    static SandboxApplications cluster;
    static Map<String, String> environment;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.startEphemeral();
        cluster = new SandboxApplications(folder).withProjects();
        cluster.createProject("team-a", ProjectCommandsTest.TEAM_A);
        cluster.createProject("team-b", ProjectCommandsTest.TEAM_B);
        cluster.create("shop", ProjectCommandsTest.app("team-a", "team-a.git", "team-a"), null);
        cluster.create("cart", ProjectCommandsTest.app("team-a", "team-b.git", "team-a"), null);
        cluster.create("api", ProjectCommandsTest.app("team-b", "team-b.git", "team-b"), null);
        try (EventTestClient client = new EventTestClient(kafka.bootstrapServers())) {
            client.ensureTopics(List.of(Topics.spec(Topics.AUDIT, 2)));
            client.send(record(
                    "cart",
                    AuditAction.SOURCE_NOT_PERMITTED,
                    NOW.minus(Duration.ofMinutes(10)),
                    "nothing fetched: repository http://127.0.0.1:8090/team-b.git is not among project \"team-a\"'s"
                            + " sourceRepos"));
            client.send(record(
                    "shop",
                    AuditAction.COMMIT_REFUSED,
                    NOW.minus(Duration.ofMinutes(5)),
                    "commit 1a2b3c4 on refs/heads/main is not deployed: " + NOT_SIGNED));
            client.send(record("shop", AuditAction.APPLY_REFUSED, NOW.minus(Duration.ofHours(2)), "long ago"));
            client.send(record("shop", AuditAction.APPLIED, NOW.minus(Duration.ofMinutes(1)), "not a refusal"));
            client.send(record(
                    "api",
                    AuditAction.APPLY_REFUSED,
                    NOW.minus(Duration.ofMinutes(2)),
                    "apply-refused DaemonSet apps/v1 team-b/agent (automated): kind DaemonSet.apps is not in project"
                            + " \"team-b\"'s namespaceResources.allow"));
        }
        Map<String, String> settings = new HashMap<>(cluster.environment());
        settings.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment = Map.copyOf(settings);
    }

    @AfterAll
    static void stop() {
        cluster.close();
        kafka.close();
    }

    @Test
    void listCountsTheRefusalsOfEachProjectsAppsInTheLastHour() {
        Plumb.Run run = Plumb.run(environment, "project", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().skip(1).map(line -> line.substring(line.lastIndexOf(' ') + 1)))
                .containsExactly("2", "1");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void getListsThemOldestFirstWithWhy() {
        Plumb.Run run = Plumb.run(environment, "project", "get", "team-a");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Refusals in the last hour: 2\n"
                        + "TIME                  APP   ACTION                WHY\n"
                        + NOW.minus(Duration.ofMinutes(10))
                        + "  cart  source-not-permitted  nothing fetched: repository"
                        + " http://127.0.0.1:8090/team-b.git is not among project \"team-a\"'s sourceRepos\n"
                        + NOW.minus(Duration.ofMinutes(5))
                        + "  shop  commit-refused        commit 1a2b3c4 on refs/heads/main is not deployed: "
                        + NOT_SIGNED + "\n")
                .doesNotContain("long ago");
    }

    @Test
    void getAsJsonCarriesTheRecordsAsStored() throws Exception {
        Plumb.Run run = Plumb.run(environment, "project", "get", "team-b", "-o", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var shown = JSON.readTree(run.out());
        assertThat(shown.path("project").path("metadata").path("name").asText()).isEqualTo("team-b");
        assertThat(shown.path("applications").get(0).asText()).isEqualTo("api");
        assertThat(shown.path("refusalsLastHour").get(0).path("action").asText())
                .isEqualTo("apply-refused");
    }

    /** A record as the drift-auditor writes it, with the time the refusal happened. */
    private static AuditRecord record(String app, AuditAction action, Instant occurredAt, String summary) {
        ObjectNode details = JSON.createObjectNode().put("project", app.equals("api") ? "team-b" : "team-a");
        return new AuditRecord(
                UUID.randomUUID().toString(),
                EventType.AUDIT_RECORD.schemaVersion(),
                occurredAt,
                PlumblineService.DRIFT_AUDITOR.source(),
                "corr",
                app,
                1,
                occurredAt,
                action,
                AuditRecord.PLUMBLINE_ACTOR,
                summary,
                null,
                List.of(),
                details,
                EventSamples.applyAction().eventId(),
                EventType.APPLY_ACTION.typeName(),
                null,
                null,
                null);
    }
}
