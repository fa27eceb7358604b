package dev.plumbline.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.plumbline.cli.demo.ApplicationView;
import dev.plumbline.cli.demo.ConfigRepository;
import dev.plumbline.cli.demo.Demo;
import dev.plumbline.cli.demo.DemoSetup;
import dev.plumbline.cli.demo.DemoStory;
import dev.plumbline.cli.demo.GitWatcherWebhook;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.cli.demo.PlumbCli;
import dev.plumbline.cli.demo.StoryRunner.StepResult;
import dev.plumbline.cli.run.LocalStack;
import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningComponent;
import dev.plumbline.cli.run.RunningStack;
import dev.plumbline.cli.run.StackSettings;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as separate processes, the packaged services and the standalone sandbox started once as
 * {@code plumb up} starts them, driven only from outside: Git pushes, webhooks, the Kubernetes API and the CLI.
 * The tests run in order on the one run: the demo story first, then what it leaves out.
 */
@Tag("system")
@TestMethodOrder(OrderAnnotation.class)
class SystemIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final PersonIdent CARLA = new PersonIdent("Carla Diaz", "carla@example.com");

    @TempDir
    static Path runDir;

    static WireMockServer slack;
    static RunLayout layout;
    static RunningStack stack;
    static LiveSystem live;
    static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void startEverything() throws IOException {
        slack = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        slack.start();
        slack.stubFor(post(urlEqualTo("/slack"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        layout = new RunLayout(Path.of("..").toAbsolutePath().normalize(), runDir);
        // the broker and git-watcher (whose artifact URLs name its port) need a port chosen up front; everything
        // else takes any free port and says which. Polling is slowed down so that only webhooks move things: a
        // refused webhook must then change nothing at all.
        StackSettings settings = new StackSettings(
                        freePort(),
                        0,
                        0,
                        new StackSettings.ServicePorts(freePort(), 0, 0, 0, 0),
                        Optional.empty(),
                        Optional.empty())
                .withServiceSetting("git-watcher", "PLUMBLINE_POLL_INTERVAL", "10m")
                .withServiceSetting("notifier", "PLUMBLINE_SLACK_WEBHOOK_URL", slack.baseUrl() + "/slack");
        stack = new LocalStack(layout, settings, progress::add).start();
        live = new LiveSystem(stack.environment());
    }

    @AfterAll
    static void stopEverything() {
        if (live != null) {
            live.close();
        }
        if (stack != null) {
            stack.stop();
        }
        if (slack != null) {
            slack.stop();
        }
    }

    @Test
    @Order(1)
    void everyPackagedServiceReportsReadyAgainstTheStandaloneBroker() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String variable :
                List.of("GIT_WATCHER_URL", "RENDERER_URL", "RECONCILER_URL", "DRIFT_AUDITOR_URL", "NOTIFIER_URL")) {
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
        assertThat(progress).anyMatch(line -> line.startsWith("kafka ready at 127.0.0.1:"));
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

        assertThat(steps).hasSize(DemoStory.STEPS);
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
        return new GitWatcherWebhook(
                stack.environment().get("GIT_WATCHER_URL"), stack.environment().get("PLUMBLINE_WEBHOOK_SECRET"));
    }

    private static PlumbCli plumb() {
        return new InProcessPlumb(stack::environment);
    }

    private static String demoRepoUrl() {
        return stack.environment().get("GIT_SERVER_URL") + "/" + DemoSetup.REPOSITORY + ".git";
    }

    private static String confirmations(StepResult step) {
        return String.join("\n", step.confirmations());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
