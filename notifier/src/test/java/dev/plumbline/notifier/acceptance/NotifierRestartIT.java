package dev.plumbline.notifier.acceptance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Never lost, never twice", proved on the packaged notifier run as a process: it is killed with SIGKILL while
 * Slack answers 500 and it is retrying, a new process takes over, Slack recovers, and every notification arrives
 * exactly once. A third process then reads every event again under a fresh consumer group (as if all offsets
 * were lost): the delivery log it reads back at start-up keeps every one of them from being told a second time.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Tag("slow")
class NotifierRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SHA = "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5";
    private static final String SLACK_PATH = "/services/T000/B000/default";
    private static final List<String> APPS =
            List.of("restart-a", "restart-b", "restart-c", "restart-render", "restart-sync");

    /** Groups of their own, so that no other notifier sharing the broker takes a partition. */
    // the notifier's principal may use only groups that begin with its own prefix
    private static final String GROUP = "plumbline-notifier-restart-it-" + java.util.UUID.randomUUID();

    private static final String REPLAY_GROUP = GROUP + "-replay";

    @TempDir
    static Path run;

    private static WireMockServer slack;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        assumeTrue(
                System.getProperty(NotifierProcess.JAR_PROPERTY) != null, "runs under failsafe, on the packaged jar");
        // the bus as a run has it: the packaged notifier connects as its own principal, and will not connect without
        kafka = EmbeddedKafka.startSecured(run.resolve("kafka-data"), freePort(), run.resolve("kafka"));
        slack = new WireMockServer(options().dynamicPort());
        slack.start();
        slack.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(500)));
    }

    @AfterAll
    static void stop() {
        if (slack != null) {
            slack.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aNotifierKilledWhileSlackFailsTellsEverythingExactlyOnceAfterARestart() throws Exception {
        // the test plays every other service, as the run's operator
        try (EventTestClient client =
                new EventTestClient(EmbeddedKafka.clientSettings(run.resolve("kafka"), "admin"))) {
            client.ensureTopics(
                    Stream.of(PlumblineService.RECONCILER, PlumblineService.RENDERER, PlumblineService.DRIFT_AUDITOR)
                            .flatMap(s -> s.ownedTopics().stream())
                            .toList());
            try (NotifierProcess first = NotifierProcess.start("first", settings(GROUP), env())) {
                await().atMost(PATIENCE).until(first::ready);
                events().forEach(client::send);
                // mid-delivery: Slack has refused the first notification several times, the rest wait behind it
                await().atMost(PATIENCE).until(() -> slack.getAllServeEvents().size() >= 3);
                first.kill();
            }
            int refusedBeforeRestart = slack.getAllServeEvents().size();

            try (NotifierProcess second = NotifierProcess.start("second", settings(GROUP), env())) {
                await().atMost(PATIENCE).until(() -> slack.getAllServeEvents().size() > refusedBeforeRestart + 2);
                slack.stubFor(post(urlPathEqualTo(SLACK_PATH))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(200).withBody("ok")));

                await().atMost(PATIENCE)
                        .untilAsserted(() -> assertThat(deliveredPerApp())
                                .containsOnlyKeys(APPS)
                                .allSatisfy((app, count) ->
                                        assertThat(count).as(app).isEqualTo(1)));
                // a process killed between Slack's answer and the broker's acknowledgement of its delivery record
                // tells that message again (the gap docs/notifier.md names); the kill comes after every record
                await().atMost(PATIENCE).ignoreExceptions().until(() -> outcomes(second, "delivered") >= APPS.size());
                second.kill();
            }

            try (NotifierProcess third = NotifierProcess.start("third", settings(REPLAY_GROUP), env())) {
                await().atMost(PATIENCE).until(third::ready);
                await().atMost(PATIENCE).ignoreExceptions().until(() -> outcomes(third, "suppressed") >= APPS.size());
                assertThat(deliveredPerApp())
                        .allSatisfy((app, count) -> assertThat(count).as(app).isEqualTo(1));
            }
        }
    }

    private static List<PlumblineEvent> events() {
        Stream<PlumblineEvent> drifts = Stream.of("restart-a", "restart-b", "restart-c")
                .map(app -> DriftDetected.of(
                        "c",
                        app,
                        app + "-1",
                        SHA,
                        DriftMode.WARN,
                        null,
                        List.of(
                                new DriftedObject(object(app, 1), DriftKind.DELETED, List.of()),
                                new DriftedObject(object(app, 2), DriftKind.DELETED, List.of()))));
        Stream<PlumblineEvent> render = Stream.of(RenderFailed.of(
                "c",
                "restart-render",
                "https://git.example.com/x",
                SHA,
                "apps/x",
                RendererKind.PLAIN,
                RenderFailureReason.INVALID_MANIFEST,
                "bad yaml",
                null,
                null,
                null));
        Stream<PlumblineEvent> sync = Stream.of(1, 2)
                .map(i -> ApplyAction.of(
                        "c",
                        "restart-sync",
                        SHA,
                        "sync-9",
                        SyncTrigger.AUTOMATED,
                        AuditRecord.PLUMBLINE_ACTOR,
                        object("restart-sync", i),
                        ApplyOperation.APPLY,
                        i == 1 ? ApplyResult.SUCCEEDED : ApplyResult.FAILED,
                        i == 1 ? null : "forbidden",
                        i,
                        2));
        return Stream.of(drifts, render, sync).flatMap(s -> s).toList();
    }

    /** How many messages Slack took (answered 200) per app. */
    private static Map<String, Integer> deliveredPerApp() {
        Map<String, Integer> delivered = new HashMap<>();
        for (ServeEvent event : slack.getAllServeEvents()) {
            if (event.getResponse().getStatus() != 200) {
                continue;
            }
            String body = event.getRequest().getBodyAsString();
            APPS.stream()
                    .filter(app -> body.contains("*App*\\n" + app + "\""))
                    .forEach(app -> delivered.merge(app, 1, Integer::sum));
        }
        return delivered;
    }

    /** How many notifications ended with {@code outcome}, as the process's metrics count them. */
    private static double outcomes(NotifierProcess notifier, String outcome) throws Exception {
        return notifier.metrics()
                .lines()
                .filter(line -> line.startsWith("plumbline_notifier_deliveries_total{")
                        && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static Map<String, String> settings(String group) {
        Map<String, String> settings = new HashMap<>();
        // a killed member is noticed after this long, rather than the default 45 s
        settings.put("kafka.session.timeout.ms", "6000");
        settings.put("kafka.heartbeat.interval.ms", "1000");
        for (String channel : List.of(
                "drift-alerts", "audit", "apply-actions", "diff-results", "rendered-manifests", "image-events")) {
            settings.put("mp.messaging.incoming." + channel + ".group.id", group);
        }
        settings.put("plumbline.delivery.initial-backoff", "200ms");
        settings.put("plumbline.delivery.max-backoff", "1s");
        settings.put("plumbline.delivery.max-attempts", "100000");
        settings.put("plumbline.delivery.give-up-after", "10m");
        settings.put("plumbline.delivery.circuit-breaker.delay", "1s");
        settings.put("plumbline.aggregation.quiet", "500ms");
        settings.put("plumbline.aggregation.max-hold", "3s");
        settings.put("plumbline.slack.rate-per-second", "5");
        return settings;
    }

    /** The Slack address comes from the environment, as it would from a Kubernetes Secret. */
    private static Map<String, String> env() {
        return Map.of(
                "PLUMBLINE_SLACK_WEBHOOK_URL",
                "http://127.0.0.1:" + slack.port() + SLACK_PATH,
                "PLUMBLINE_KAFKA_CLIENT_PROPERTIES",
                EmbeddedKafka.clientProperties(run.resolve("kafka"), "notifier").toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectIdentity object(String app, int index) {
        return ObjectIdentity.namespaced("apps/v1", "Deployment", app, "web-" + index);
    }
}
