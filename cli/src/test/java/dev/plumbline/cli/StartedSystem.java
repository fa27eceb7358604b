package dev.plumbline.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.plumbline.cli.demo.GitWatcherWebhook;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.cli.demo.PlumbCli;
import dev.plumbline.cli.run.LocalStack;
import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningStack;
import dev.plumbline.cli.run.StackSettings;
import dev.plumbline.cli.testing.backend.SystemBackend;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system as separate processes, the packaged services and the standalone sandbox started as
 * {@code plumb up} starts them, once for every system test class of the run (starting it takes most of a minute),
 * and stopped when the last of them is done. Its Kafka and Kubernetes API are the sandbox's, Testcontainers' or the
 * user's ({@link SystemBackend}, docs/testing.md).
 */
final class StartedSystem implements ExtensionContext.Store.CloseableResource {

    private static StartedSystem current;

    final Path runDir;
    final SystemBackend backend;
    final WireMockServer slack;
    /** GitHub's pull-request API for the promotion repository (PromotionIT), which lives on the sandbox Git server. */
    final WireMockServer github;
    /** The sandbox repository whose write credential names {@link #github} as its pull-request host. */
    static final String PROMOTION_REPOSITORY = "promotion";
    /** Its project on the (stubbed) GitHub. */
    static final String PROMOTION_PROJECT = "acme/promotion";

    final RunLayout layout;
    final RunningStack stack;
    final LiveSystem live;
    final List<String> progress = new ArrayList<>();

    private StartedSystem() throws IOException {
        runDir = Files.createTempDirectory("plumbline-system");
        backend = SystemBackend.choose(runDir.resolve("servers"));
        slack = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        slack.start();
        slack.stubFor(post(urlEqualTo("/slack"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        github = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        github.start();
        layout = new RunLayout(Path.of("..").toAbsolutePath().normalize(), runDir);
        int gitPort = freePort();
        // the broker and git-watcher (whose artifact URLs name its port) need a port chosen up front; everything
        // else takes any free port and says which. Polling is slowed down so that only webhooks move things: a
        // refused webhook must then change nothing at all. A render may take 15 s rather than 90 s, so that a chart
        // built to loop (HostileInputIT) holds its slot no longer than that. The image-updater gets a second write
        // credential, for the promotion repository only, whose pull requests go to the GitHub stand-in; the Git
        // server's port is chosen up front so that its URL can be named, and its password, made by the run, is
        // the sandbox credential's (a config expression the image-updater resolves).
        StackSettings settings = backend.settings(
                        freePort(), 0, gitPort, new StackSettings.ServicePorts(freePort(), 0, 0, 0, 0, 0))
                .withRegistryPort(0)
                .withServiceSetting("git-watcher", "PLUMBLINE_POLL_INTERVAL", "10m")
                .withServiceSetting("renderer", "PLUMBLINE_RENDER_TIMEOUT", "15s")
                .withServiceSetting("notifier", "PLUMBLINE_SLACK_WEBHOOK_URL", slack.baseUrl() + "/slack")
                .withServiceSetting(
                        "image-updater",
                        "PLUMBLINE_WRITE_CREDENTIALS_GITHUB_URL",
                        "http://127.0.0.1:" + gitPort + "/" + PROMOTION_REPOSITORY + ".git")
                .withServiceSetting(
                        "image-updater",
                        "PLUMBLINE_WRITE_CREDENTIALS_GITHUB_USERNAME",
                        "${plumbline.write-credentials.sandbox.username}")
                .withServiceSetting(
                        "image-updater",
                        "PLUMBLINE_WRITE_CREDENTIALS_GITHUB_PASSWORD",
                        "${plumbline.write-credentials.sandbox.password}")
                .withServiceSetting("image-updater", "PLUMBLINE_WRITE_CREDENTIALS_GITHUB_HOST", "github")
                .withServiceSetting("image-updater", "PLUMBLINE_WRITE_CREDENTIALS_GITHUB_API_URL", github.baseUrl())
                .withServiceSetting("image-updater", "PLUMBLINE_WRITE_CREDENTIALS_GITHUB_API_TOKEN", "github-token")
                .withServiceSetting("image-updater", "PLUMBLINE_WRITE_CREDENTIALS_GITHUB_PROJECT", PROMOTION_PROJECT);
        try {
            backend.readyCluster(layout);
            stack = new LocalStack(layout, settings, progress::add).start();
        } catch (RuntimeException failure) {
            backend.close();
            throw failure;
        }
        live = new LiveSystem(stack.environment());
    }

    /** The system, started by the first test class that asks. */
    static StartedSystem get() {
        if (current == null) {
            throw new IllegalStateException("a system test class needs @ExtendWith(StartedSystem.Starter.class)");
        }
        return current;
    }

    PlumbCli plumb() {
        return new InProcessPlumb(stack::environment);
    }

    GitWatcherWebhook webhook() {
        return new GitWatcherWebhook(
                stack.environment().get("GIT_WATCHER_URL"), stack.environment().get("PLUMBLINE_WEBHOOK_SECRET"));
    }

    EventTestClient asPrincipal(String user) {
        return new EventTestClient(EmbeddedKafka.clientSettings(backend.kafkaClients(layout), user));
    }

    @Override
    public void close() throws IOException {
        live.close();
        stack.stop();
        backend.close();
        slack.stop();
        github.stop();
        try (Stream<Path> files = Files.walk(runDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
        current = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the system before the first system test class and stops it after the last one. */
    static final class Starter implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(
                            StartedSystem.class,
                            key -> {
                                try {
                                    current = new StartedSystem();
                                    return current;
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            },
                            StartedSystem.class);
        }
    }
}
