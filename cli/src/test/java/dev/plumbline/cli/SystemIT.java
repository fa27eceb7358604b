package dev.plumbline.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.plumbline.cli.demo.ApplicationView;
import dev.plumbline.cli.demo.ConfigRepository;
import dev.plumbline.cli.demo.Demo;
import dev.plumbline.cli.demo.DemoSetup;
import dev.plumbline.cli.demo.GitWatcherWebhook;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.cli.demo.PlumbCli;
import dev.plumbline.cli.demo.StoryRunner.StepResult;
import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningComponent;
import dev.plumbline.cli.run.RunningStack;
import dev.plumbline.cli.testing.BusPrincipal;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.signing.KeyFiles;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole system as separate processes ({@link StartedSystem}), driven only from outside: Git pushes, webhooks,
 * the Kubernetes API and the CLI. The tests run in order on the one run: the demo story first, then what it leaves
 * out.
 */
@Tag("system")
@ExtendWith(StartedSystem.Starter.class)
@TestMethodOrder(OrderAnnotation.class)
class SystemIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final PersonIdent CARLA = new PersonIdent("Carla Diaz", "carla@example.com");

    static Path runDir;
    static WireMockServer slack;
    static RunLayout layout;
    static RunningStack stack;
    static LiveSystem live;
    static List<String> progress;

    @BeforeAll
    static void useTheStartedSystem() {
        StartedSystem system = StartedSystem.get();
        runDir = system.runDir;
        slack = system.slack;
        layout = system.layout;
        stack = system.stack;
        live = system.live;
        progress = system.progress;
    }

    @Test
    @Order(1)
    void everyPackagedServiceReportsReadyAgainstTheStandaloneBroker() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String variable : List.of(
                "GIT_WATCHER_URL",
                "RENDERER_URL",
                "RECONCILER_URL",
                "DRIFT_AUDITOR_URL",
                "NOTIFIER_URL",
                "IMAGE_UPDATER_URL")) {
            String url = stack.environment().get(variable);
            HttpResponse<String> ready = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(variable + " readiness").isEqualTo(200);
            assertThat(ready.body())
                    .as(variable + " readiness")
                    .contains("\"status\": \"UP\"")
                    .contains("Kafka");
            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).as(variable + " metrics").contains("jvm_memory_used_bytes");
        }
        if (StartedSystem.get().backend.choice().embeddedKafka()) {
            assertThat(progress).anyMatch(line -> line.startsWith("kafka ready at 127.0.0.1:"));
        }
        for (RunningComponent component : stack.components()) {
            assertThat(component.log()).as(component.name()).isRegularFile().isNotEmptyFile();
        }
    }

    @Test
    @Order(2)
    void theDemoStoryIsConfirmedStepByStepFromTheLiveSystem() throws IOException {
        List<StepResult> steps = Demo.run(
                stack.environment(),
                runDir.resolve("demo-working-copy"),
                url -> stack.addToEnvironment("DEMO_REPO_URL", url),
                plumb(),
                new PrintWriter(System.out, true),
                false);

        assertThat(steps).hasSize(Demo.STEPS);
        assertThat(confirmations(steps.get(0)))
                .contains(
                        "Application web: synced",
                        "Application api: synced",
                        "Application cache: synced",
                        "ConfigMap cache-settings",
                        "ConfigMap api-settings",
                        "Service web");
        assertThat(confirmations(steps.get(1))).contains("greeting=hello world");
        assertThat(confirmations(steps.get(3))).contains("greeting 'hello world' -> 'changed by hand' by kubectl-edit");
        assertThat(confirmations(steps.get(4))).contains("resolution healed");
        assertThat(confirmations(steps.get(6))).contains("paused by").contains("greeting=tuned during incident 42");
        assertThat(confirmations(steps.get(7))).contains("greeting: tuned during incident 42");
        assertThat(confirmations(steps.get(9))).contains("resolution desired-changed");
        assertThat(confirmations(steps.get(11))).contains("Service demo/web: not found", "pruned 1");
        assertThat(confirmations(steps.get(12)))
                .contains("'Promote web to 1.2.4'", "/pulls/", "Deployment demo/web runs ")
                .contains(stack.environment().get("REGISTRY_URL").substring("http://".length()) + "/demo/web:1.2.4@");
        assertThat(live.configMap(DemoSetup.NAMESPACE, "web-settings")
                        .orElseThrow()
                        .getData())
                .containsEntry("greeting", "tuned during incident 42");
        assertThat(Files.readString(layout.envFile())).contains("export DEMO_REPO_URL='" + demoRepoUrl() + "'");
        assertThat(Files.getPosixFilePermissions(layout.envFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    @Order(3)
    void aWebhookWithABadSignatureChangesNothing() {
        try (ConfigRepository repo = workingCopy()) {
            String revisionBefore = webApplication().revision();
            String sha = editSettings(repo, "forged", "yes");

            GitWatcherWebhook.Answer answer = webhook().pushedWithSecret(repo.url(), "main", "not-the-secret");

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).contains("unauthorized");
            assertThat(live.events().await(CommitDetected.class, c -> sha.equals(c.after()), Duration.ofSeconds(5)))
                    .as("a commit event after a refused webhook")
                    .isEmpty();
            assertThat(webApplication().revision()).isEqualTo(revisionBefore);
            assertThat(live.configMap(DemoSetup.NAMESPACE, "web-settings")
                            .orElseThrow()
                            .getData())
                    .containsEntry("greeting", "tuned during incident 42")
                    .doesNotContainKey("forged");

            // the same commit, announced by a webhook signed with the run's secret, is deployed
            assertThat(webhook().pushed(repo.url(), "main").accepted()).isTrue();
            await().atMost(WITHIN).until(() -> webApplication().isSyncedAt(sha));
        }
    }

    @Test
    @Order(4)
    void aCommitToAnUnwatchedPathIsExplained() {
        try (ConfigRepository repo = workingCopy()) {
            String sha = repo.write("docs/runbook.md", "# Runbook\n").commitAndPush(CARLA, "docs: a runbook");
            assertThat(webhook().pushed(repo.url(), "main").accepted()).isTrue();

            CommitIgnored ignored = live.events()
                    .await(CommitIgnored.class, c -> sha.equals(c.sha()), WITHIN)
                    .orElseThrow(() -> new AssertionError("no CommitIgnored for " + sha));
            assertThat(ignored.explanation()).contains("docs/runbook.md").contains("Application web watches apps/web");
            await().atMost(WITHIN).untilAsserted(() -> {
                PlumbCli.Outcome appGet = plumb().run("app", "get", "web");
                assertThat(appGet.exitCode()).isZero();
                assertThat(appGet.out()).contains("CommitIgnored").contains(ignored.explanation());
            });
        }
    }

    @Test
    @Order(5)
    void aRenderFailureLeavesTheClusterAsItWasAndReachesSlack() {
        try (ConfigRepository repo = workingCopy()) {
            ConfigMap before =
                    live.configMap(DemoSetup.NAMESPACE, "web-settings").orElseThrow();
            String sha = repo.write("apps/web/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n")
                    .commitAndPush(CARLA, "web: a file that does not parse");
            assertThat(webhook().pushed(repo.url(), "main").accepted()).isTrue();

            RenderFailed failed = live.events()
                    .await(RenderFailed.class, r -> r.app().equals("web") && sha.equals(r.revision()), WITHIN)
                    .orElseThrow(() -> new AssertionError("no RenderFailed for web at " + sha));
            assertThat(failed.reason()).isEqualTo(RenderFailureReason.INVALID_MANIFEST);
            await().atMost(WITHIN)
                    .untilAsserted(() -> assertThat(webApplication().condition("RenderFailed"))
                            .hasValueSatisfying(condition -> assertThat(
                                            condition.get("message").toString())
                                    .contains("broken.yaml")));
            assertThat(live.configMap(DemoSetup.NAMESPACE, "web-settings")
                            .orElseThrow()
                            .getMetadata()
                            .getResourceVersion())
                    .isEqualTo(before.getMetadata().getResourceVersion());
            await().atMost(WITHIN)
                    .untilAsserted(() -> assertThat(slack.findAll(postRequestedFor(urlEqualTo("/slack"))))
                            .map(LoggedRequest::getBodyAsString)
                            .anySatisfy(body -> assertThat(body)
                                    .contains("web")
                                    .contains("broken.yaml")
                                    .containsIgnoringCase("render")));

            String fixed = repo.delete("apps/web/broken.yaml").commitAndPush(CARLA, "web: drop the broken file");
            assertThat(webhook().pushed(repo.url(), "main").accepted()).isTrue();
            await().atMost(WITHIN).until(() -> webApplication().isSyncedAt(fixed));
        }
    }

    /**
     * Commits keep coming while the renderer is killed with SIGKILL and started again: each commit adds a key to the
     * ConfigMap, so the cluster shows that none was lost.
     */
    @Test
    @Order(6)
    void aServiceKilledMidStreamAndRestartedLosesNothing() {
        try (ConfigRepository repo = workingCopy()) {
            String last = null;
            for (int change = 1; change <= 6; change++) {
                if (change == 3) {
                    stack.component("renderer").kill();
                }
                if (change == 5) {
                    stack.restart("renderer");
                }
                last = editSettings(repo, "change-" + change, String.valueOf(change));
                assertThat(webhook().pushed(repo.url(), "main").accepted()).isTrue();
            }
            String lastCommit = last;
            await().atMost(WITHIN).until(() -> webApplication().isSyncedAt(lastCommit));
            assertThat(live.configMap(DemoSetup.NAMESPACE, "web-settings")
                            .orElseThrow()
                            .getData())
                    .containsAllEntriesOf(IntStream.rangeClosed(1, 6)
                            .boxed()
                            .collect(java.util.stream.Collectors.toMap(i -> "change-" + i, String::valueOf)));
            assertThat(stack.component("renderer").log().resolveSibling("renderer.log.previous"))
                    .as("the killed renderer's log, kept beside the new one")
                    .isNotEmptyFile();
        }
    }

    @Test
    @Order(7)
    void aClientWithoutCredentialsCannotUseTheBus() {
        // the TLS listener never answers a client that speaks no TLS, so the call only ends at its timeout; a short
        // one lets the admin client give up (and close) in seconds, not after Kafka's default of 60 s
        Map<String, Object> anonymous = Map.of(
                "bootstrap.servers", stack.environment().get("KAFKA_BOOTSTRAP_SERVERS"),
                "default.api.timeout.ms", 3_000,
                "request.timeout.ms", 3_000);

        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    @Order(8)
    void theNotifiersCredentialsWriteNeitherDesiredStateNorSyncRequests() {
        StartedSystem.get().backend.assumeEmbeddedKafka("the notifier's ACLs are checked");
        ManifestsRendered render = ManifestsRendered.of(
                "forged",
                "web",
                1,
                "sha256:forged",
                demoRepoUrl(),
                "0000000",
                "apps/web",
                RendererKind.PLAIN,
                List.of());
        SyncRequested heal = SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR,
                "forged",
                "web",
                SyncTrigger.SELF_HEAL,
                "",
                "plumbline",
                null,
                List.of());

        try (EventTestClient notifier = asPrincipal("notifier")) {
            assertThatThrownBy(() -> notifier.send(render)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> notifier.send(heal)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** The issue's attack: the latest render of web read off the topic, one value changed, written back. */
    @Test
    @Order(9)
    void aRenderWrittenWithTheRenderersCredentialsButNotItsKeyIsNeverApplied() {
        String revision = webApplication().revision();
        ManifestsRendered genuine = live.events()
                .await(ManifestsRendered.class, r -> "web".equals(r.app()) && revision.equals(r.revision()), WITHIN)
                .orElseThrow(() -> new AssertionError("no render of web at " + revision));
        List<RenderedObject> changed = genuine.objects().stream()
                .map(object ->
                        "web-settings".equals(object.identity().name()) ? withGreeting(object, "forged") : object)
                .toList();
        ManifestsRendered forged = ManifestsRendered.of(
                        genuine.correlationId(),
                        "web",
                        genuine.generation(),
                        genuine.sourceDigest(),
                        genuine.repoUrl(),
                        genuine.revision(),
                        genuine.path(),
                        genuine.renderer(),
                        changed)
                .signedWith(aKeyOfNoPlumblineService());
        String resourceVersion = live.configMap(DemoSetup.NAMESPACE, "web-settings")
                .orElseThrow()
                .getMetadata()
                .getResourceVersion();

        try (EventTestClient renderer = asPrincipal("renderer")) {
            renderer.send(forged);
        }

        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(webApplication().condition("RenderUntrusted"))
                        .hasValueSatisfying(condition -> assertThat(String.valueOf(condition.get("message")))
                                .contains(revision, "was not applied")));
        AuditRecord refused = live.events()
                .await(
                        AuditRecord.class,
                        record -> "web".equals(record.app()) && record.action() == AuditAction.RENDER_UNTRUSTED,
                        WITHIN)
                .orElseThrow(() -> new AssertionError("no render-untrusted audit record of web"));
        assertThat(refused.revision()).isEqualTo(revision);
        assertThat(live.configMap(DemoSetup.NAMESPACE, "web-settings")
                        .orElseThrow()
                        .getMetadata()
                        .getResourceVersion())
                .isEqualTo(resourceVersion);
        assertThat(live.configMap(DemoSetup.NAMESPACE, "web-settings")
                        .orElseThrow()
                        .getData())
                .doesNotContainValue("forged");
    }

    @Test
    @Order(10)
    void aHealRequestForAManualAppChangesNothing() {
        live.apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: by-hand\n");
        live.apply("""
                apiVersion: plumbline.dev/v1alpha1
                kind: Project
                metadata: {name: by-hand, namespace: %s}
                spec:
                  sourceRepos: ["%s"]
                  destinations: [{namespace: by-hand}]
                """.formatted(LiveSystem.APPLICATIONS_NAMESPACE, demoRepoUrl()));
        live.apply("""
                apiVersion: plumbline.dev/v1alpha1
                kind: Application
                metadata:
                  name: by-hand
                  namespace: %s
                spec:
                  project: by-hand
                  source:
                    repoURL: %s
                    targetRevision: main
                    path: apps/web
                  destination:
                    namespace: by-hand
                """.formatted(LiveSystem.APPLICATIONS_NAMESPACE, demoRepoUrl()));
        await().atMost(WITHIN)
                .until(() -> live.application("by-hand")
                        .filter(app -> "out-of-sync".equals(app.syncStatus()))
                        .isPresent());

        try (EventTestClient driftAuditor = asPrincipal("drift-auditor")) {
            driftAuditor.send(SyncRequested.of(
                    PlumblineService.DRIFT_AUDITOR,
                    "heal-by-hand",
                    "by-hand",
                    SyncTrigger.SELF_HEAL,
                    "drift",
                    "plumbline",
                    null,
                    List.of()));
        }

        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(
                                live.application("by-hand").orElseThrow().condition("SyncRequestRefused"))
                        .hasValueSatisfying(condition -> assertThat(String.valueOf(condition.get("message")))
                                .contains("self-heal is off")));
        assertThat(live.configMap("by-hand", "web-settings")).isEmpty();
        assertThat(live.application("by-hand").orElseThrow().lastSync()).isEmpty();
    }

    @Test
    @Order(11)
    void aTrailCutShortByItsLastRecordFailsAuditVerify() throws Exception {
        StartedSystem.get().backend.assumeEmbeddedKafka("the CLI's ACLs on a copied trail are checked");
        Map<String, Object> operator = EmbeddedKafka.clientSettings(layout.kafkaClients(), "admin");
        List<ConsumerRecord<byte[], byte[]>> trail = BusPrincipal.readAll(operator, Topics.AUDIT);
        ConsumerRecord<byte[], byte[]> lastOfWeb = trail.stream()
                .filter(record -> "web".equals(new String(record.key(), StandardCharsets.UTF_8)))
                .max(Comparator.comparingLong(ConsumerRecord::offset))
                .orElseThrow();
        long lastSequence = EventJson.read(lastOfWeb.value(), AuditRecord.class).sequence();
        await().atMost(WITHIN).until(() -> auditHeadCount("web") == lastSequence);
        PlumbCli.Outcome intact = plumb().run("audit", "verify");
        assertThat(intact.exitCode()).as(intact.describe()).isZero();

        BusPrincipal.writeTopic(
                operator,
                "plumbline.audit-cut",
                trail.stream().mapToInt(ConsumerRecord::partition).max().orElseThrow() + 1,
                trail.stream().filter(record -> record != lastOfWeb).toList());
        PlumbCli.Outcome asTheCli = plumb().run("audit", "verify", "--topic", "plumbline.audit-cut");
        Map<String, String> asOperator = new HashMap<>(stack.environment());
        asOperator.put(
                "PLUMBLINE_KAFKA_CLIENT_PROPERTIES",
                EmbeddedKafka.clientProperties(layout.kafkaClients(), "admin").toString());
        PlumbCli.Outcome verify =
                new InProcessPlumb(() -> asOperator).run("audit", "verify", "--topic", "plumbline.audit-cut");

        assertThat(asTheCli.exitCode()).isEqualTo(2);
        assertThat(asTheCli.err()).contains("may not read plumbline.audit-cut");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
        assertThat(verify.out()).contains("trail of web ends at record " + (lastSequence - 1), "cut short");
    }

    private static long auditHeadCount(String app) {
        return live.application(app)
                .map(view -> view.status().get("audit"))
                .filter(Map.class::isInstance)
                .map(audit -> ((Map<?, ?>) audit).get("count"))
                .filter(Number.class::isInstance)
                .map(count -> ((Number) count).longValue())
                .orElse(0L);
    }

    private static EventTestClient asPrincipal(String user) {
        return StartedSystem.get().asPrincipal(user);
    }

    private static SigningKey aKeyOfNoPlumblineService() {
        Path key = runDir.resolve("attacker.key");
        if (!Files.exists(key)) {
            KeyFiles.generate(key, runDir.resolve("attacker.pub"));
        }
        return SigningKey.read(key);
    }

    private static RenderedObject withGreeting(RenderedObject object, String greeting) {
        ObjectNode body = object.body().deepCopy();
        ((ObjectNode) body.get("data")).put("greeting", greeting);
        return new RenderedObject(object.identity(), body, object.sourcePath());
    }

    /** Commits one more key in the data of web's ConfigMap. */
    private static String editSettings(ConfigRepository repo, String key, String value) {
        String file = "apps/web/settings.yaml";
        assertThat(repo.read(file)).contains("\ndata:\n");
        return repo.write(file, repo.read(file).replace("\ndata:\n", "\ndata:\n  " + key + ": \"" + value + "\"\n"))
                .commitAndPush(CARLA, "web: " + key);
    }

    private static ApplicationView webApplication() {
        return live.application("web").orElseThrow();
    }

    private static ConfigRepository workingCopy() {
        return ConfigRepository.open(live.gitServer(), DemoSetup.REPOSITORY, runDir.resolve("it-working-copy"));
    }

    private static GitWatcherWebhook webhook() {
        return StartedSystem.get().webhook();
    }

    private static PlumbCli plumb() {
        return StartedSystem.get().plumb();
    }

    private static String demoRepoUrl() {
        return stack.environment().get("GIT_SERVER_URL") + "/" + DemoSetup.REPOSITORY + ".git";
    }

    private static String confirmations(StepResult step) {
        return String.join("\n", step.confirmations());
    }
}
