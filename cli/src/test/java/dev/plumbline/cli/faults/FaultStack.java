package dev.plumbline.cli.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.plumbline.cli.demo.GitWatcherWebhook;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.cli.run.LocalStack;
import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningStack;
import dev.plumbline.cli.run.StackSettings;
import dev.plumbline.sandbox.kube.KubeApiControl;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The system the fault suite breaks: every process of {@code plumb up}, two instances of each scalable service, Slack
 * and a webhook receiver on WireMock hearing every occasion the suite checks, and git-watcher's data folder on a
 * small tmpfs of its own so that its disk can be filled without filling the machine's.
 */
final class FaultStack implements AutoCloseable {

    static final List<String> SCALABLE = List.of("renderer", "reconciler", "drift-auditor", "notifier");
    static final int INSTANCES = 2;
    /** Big enough for the mirror and artifacts of the suite's one repository, small enough to fill in a moment. */
    static final String GIT_WATCHER_DISK = "64m";
    /** The occasions both destinations hear: the ones the suite counts. */
    static final String OCCASIONS =
            "drift-detected,drift-recovered,self-heal-fight,sync-succeeded,sync-failed,self-heal-paused,"
                    + "self-heal-resumed";

    final Path runDir;
    final RunLayout layout;
    final WireMockServer slack;
    final WireMockServer receiver;
    final RunningStack stack;
    final LiveSystem live;
    final KubeApiControl kubeApi;
    /** What {@code plumb audit verify} found broken so far: a chain stays broken, and is counted once. */
    final java.util.Set<String> auditProblemsSeen = new java.util.HashSet<>();
    /** Why git-watcher's disk could not be given a size of its own; empty when it has one. */
    final Optional<String> smallDiskRefused;

    /** Starts the system; what was started before a failure is stopped again, and the tmpfs unmounted. */
    static FaultStack start() throws IOException {
        Path runDir = Files.createTempDirectory("plumbline-faults");
        Optional<String> smallDiskRefused = mountSmallDisk(runDir.resolve("git-watcher"));
        try {
            return new FaultStack(runDir, smallDiskRefused);
        } catch (RuntimeException | IOException failure) {
            removeRunDir(runDir, smallDiskRefused);
            throw failure;
        }
    }

    private FaultStack(Path runDir, Optional<String> smallDiskRefused) throws IOException {
        this.runDir = runDir;
        this.smallDiskRefused = smallDiskRefused;
        layout = new RunLayout(Path.of("..").toAbsolutePath().normalize(), runDir);
        slack = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        slack.stubFor(post(urlEqualTo("/slack"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        receiver = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        // polling every 5 s catches up a commit whose webhook reached no git-watcher; the notifier's rates are raised
        // so that a stream of fifty apps' syncs is not held back by Slack's one message a second, which is not what
        // the suite measures
        StackSettings settings = new StackSettings(
                        freePort(),
                        0,
                        freePort(),
                        new StackSettings.ServicePorts(freePort(), 0, 0, 0, 0, 0),
                        Optional.empty(),
                        Optional.empty())
                .withRegistryPort(0)
                .withReplicas(Map.of(
                        "renderer",
                        INSTANCES,
                        "reconciler",
                        INSTANCES,
                        "drift-auditor",
                        INSTANCES,
                        "notifier",
                        INSTANCES))
                .withServiceSetting("git-watcher", "PLUMBLINE_POLL_INTERVAL", "5s")
                .withServiceSetting("git-watcher", "PLUMBLINE_GIT_MIN_FREE_DISK", "4M")
                .withServiceSetting("notifier", "PLUMBLINE_SLACK_WEBHOOK_URL", slack.baseUrl() + "/slack")
                .withServiceSetting("notifier", "PLUMBLINE_SLACK_RATE_PER_SECOND", "50")
                .withServiceSetting("notifier", "PLUMBLINE_SLACK_BURST", "50")
                .withServiceSetting("notifier", "PLUMBLINE_WEBHOOKS_URL", receiver.baseUrl() + "/hook")
                .withServiceSetting("notifier", "PLUMBLINE_WEBHOOKS_RATE_PER_SECOND", "50")
                .withServiceSetting("notifier", "PLUMBLINE_WEBHOOKS_BURST", "50")
                .withServiceSetting("notifier", "PLUMBLINE_DEFAULTS_DESTINATIONS", "slack:default,webhook:default")
                .withServiceSetting("notifier", "PLUMBLINE_DEFAULTS_TRIGGERS", OCCASIONS);
        stack = new LocalStack(layout, settings, line -> System.out.println("[faults] " + line)).start();
        live = new LiveSystem(stack.environment());
        kubeApi = new KubeApiControl(URI.create(live.cluster().getMasterUrl().toString()));
    }

    /** The instance names of a scalable service: {@code reconciler-1}, {@code reconciler-2}. */
    static List<String> instancesOf(String service) {
        return java.util.stream.IntStream.rangeClosed(1, INSTANCES)
                .mapToObj(i -> service + "-" + i)
                .toList();
    }

    Path gitWatcherDisk() {
        return runDir.resolve("git-watcher");
    }

    GitWatcherWebhook webhook() {
        return new GitWatcherWebhook(
                stack.environment().get("GIT_WATCHER_URL"), stack.environment().get("PLUMBLINE_WEBHOOK_SECRET"));
    }

    @Override
    public void close() throws IOException {
        live.close();
        stack.stop();
        slack.stop();
        receiver.stop();
        removeRunDir(runDir, smallDiskRefused);
    }

    private static void removeRunDir(Path runDir, Optional<String> smallDiskRefused) throws IOException {
        if (smallDiskRefused.isEmpty()) {
            run("umount", runDir.resolve("git-watcher").toString())
                    .ifPresent(why -> System.out.println("[faults] git-watcher's tmpfs stays mounted: " + why));
        }
        try (Stream<Path> files = Files.walk(runDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** Mounts a tmpfs of {@link #GIT_WATCHER_DISK} on {@code folder}; says why when the machine refuses. */
    private static Optional<String> mountSmallDisk(Path folder) throws IOException {
        Files.createDirectories(folder);
        Optional<String> refused =
                run("mount", "-t", "tmpfs", "-o", "size=" + GIT_WATCHER_DISK, "tmpfs", folder.toString());
        refused.ifPresent(why -> System.out.println("[faults] git-watcher's disk stays the machine's: " + why));
        return refused;
    }

    /** Runs a command; empty when it succeeded, else what it said. */
    private static Optional<String> run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(String.join(" ", command) + " did not finish within 30 s");
            }
            String output = new String(process.getInputStream().readAllBytes()).trim();
            return process.exitValue() == 0
                    ? Optional.empty()
                    : Optional.of(String.join(" ", command) + " failed: " + output);
        } catch (IOException e) {
            return Optional.of(String.join(" ", command) + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
