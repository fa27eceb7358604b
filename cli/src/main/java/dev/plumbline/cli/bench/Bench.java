package dev.plumbline.cli.bench;

import dev.plumbline.cli.demo.ApplicationView;
import dev.plumbline.cli.demo.ConfigRepository;
import dev.plumbline.cli.demo.GitWatcherWebhook;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.cli.demo.Poll;
import dev.plumbline.sandbox.kube.KubeApiControl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Measures a running system from outside: commit-to-applied latency of one small app through a webhook and through
 * polling, the time until a fleet of Applications (100 unless told) is first synced and until it is synced again
 * after one commit changed it all (with each reconciler instance's share and throughput, and the API's requests in
 * flight), and drift-to-healed latency. Each latency ends at the watch event of the changed object in the cluster.
 */
public final class Bench {

    public static final int DEFAULT_FLEET = 100;
    /**
     * Where the bench's apps deploy: the namespace the default project of every run lets Applications that name no
     * project deploy into (deploy/base/projects/default.yaml).
     */
    private static final String NAMESPACE = "demo";

    private static final String ONE = "bench-one";
    private static final PersonIdent BENCH = new PersonIdent("Plumbline bench", "bench@example.com");
    private static final Duration SETTLE = Duration.ofMinutes(5);
    private static final Duration ROUND = Duration.ofSeconds(90);

    private final LiveSystem live;
    private final GitWatcherWebhook webhook;
    private final PrintWriter out;
    private final int fleetSize;
    private final LoadProbe probe;

    /**
     * @param fleetSize the Applications changed by one commit, beside the one app of the latency rounds
     * @param api the sandbox Kubernetes API's control, for its requests in flight; empty on a real cluster
     */
    public Bench(LiveSystem live, PrintWriter out, int fleetSize, Optional<KubeApiControl> api) {
        this.live = live;
        this.out = out;
        this.fleetSize = fleetSize;
        this.webhook = new GitWatcherWebhook(live.require("GIT_WATCHER_URL"), live.require("PLUMBLINE_WEBHOOK_SECRET"));
        this.probe = new LoadProbe(new ReconcilerCounters(live.require("RECONCILER_INSTANCES")), api);
    }

    /**
     * What was measured, for printing.
     *
     * @param onboarding the fleet's first sync: from creating its Applications to all synced
     * @param fleetChange the fleet changed by one commit: from the push to all synced
     */
    public record Figures(
            Percentiles webhook,
            Percentiles polling,
            PhaseLoad onboarding,
            PhaseLoad fleetChange,
            Percentiles driftHealed) {}

    public Figures run(Path workFolder, int webhookRounds, int pollingRounds, int driftRounds) {
        try (ConfigRepository repo = ConfigRepository.create(live.gitServer(), "bench", workFolder)) {
            repo.write("one/settings.yaml", configMap(ONE, "round", "0"));
            IntStream.range(0, fleetSize)
                    .forEach(i -> repo.write(fleetFile(i), configMap(fleetName(i), "version", "1")));
            String first = repo.commitAndPush(BENCH, "bench: one app and a fleet of " + fleetSize);
            PhaseLoad onboarding = probe.measure(() -> {
                createApplications(repo.url());
                awaitSynced(names(), first, SETTLE);
            });
            progress(fleetSize + 1 + " new Applications synced in " + seconds(onboarding.wall()));
            onboarding.lines().forEach(line -> progress("  " + line));
            // the throughput figures come before the latency rounds, so a round that times out loses none of them
            PhaseLoad fleet = probe.measure(() -> fleetChangedByOneCommit(repo));
            progress(fleetSize + " Applications changed by one commit, all synced in " + seconds(fleet.wall()));
            fleet.lines().forEach(line -> progress("  " + line));

            Percentiles viaWebhook = commitToApplied(repo, "webhook", webhookRounds, true);
            progress("commit to applied, webhook: " + viaWebhook);
            Percentiles viaPolling = commitToApplied(repo, "poll", pollingRounds, false);
            progress("commit to applied, polling: " + viaPolling);
            Percentiles healed = driftToHealed(driftRounds);
            progress("drift to healed: " + healed);
            return new Figures(viaWebhook, viaPolling, onboarding, fleet, healed);
        }
    }

    private Percentiles commitToApplied(ConfigRepository repo, String kind, int rounds, boolean nudge) {
        List<Duration> latencies = new ArrayList<>();
        try (ValueWatch watch = new ValueWatch(live.cluster(), NAMESPACE, ONE, "round")) {
            for (int round = 1; round <= rounds; round++) {
                String value = kind + "-" + round;
                repo.write("one/settings.yaml", configMap(ONE, "round", value)).commitAndPush(BENCH, "bench: " + value);
                Instant pushed = Instant.now();
                if (nudge
                        && !webhook.pushed(repo.url(), ConfigRepository.BRANCH).accepted()) {
                    throw new BenchException("git-watcher did not accept the webhook of round " + round);
                }
                latencies.add(Duration.between(pushed, watch.await(value, pushed, ROUND)));
            }
        }
        return Percentiles.of(latencies);
    }

    private void fleetChangedByOneCommit(ConfigRepository repo) {
        IntStream.range(0, fleetSize).forEach(i -> repo.write(fleetFile(i), configMap(fleetName(i), "version", "2")));
        String revision = repo.commitAndPush(BENCH, "bench: every app of the fleet at version 2");
        webhook.pushed(repo.url(), ConfigRepository.BRANCH);
        awaitSynced(IntStream.range(0, fleetSize).mapToObj(Bench::fleetName).toList(), revision, SETTLE);
    }

    /** Each round drifts another app of the fleet, so the heal backoff of one app never enters the figures. */
    private Percentiles driftToHealed(int rounds) {
        List<Duration> latencies = new ArrayList<>();
        for (int round = 0; round < Math.min(rounds, fleetSize); round++) {
            try (ValueWatch watch = new ValueWatch(live.cluster(), NAMESPACE, fleetName(round), "version")) {
                Instant changed = Instant.now();
                live.editByHand(NAMESPACE, fleetName(round), "version", "by-hand");
                Instant seen = watch.await("by-hand", changed, ROUND);
                latencies.add(Duration.between(seen, watch.await("2", seen, ROUND)));
            }
        }
        return Percentiles.of(latencies);
    }

    private void createApplications(String repoUrl) {
        StringBuilder yaml = new StringBuilder(application(ONE, repoUrl, "one"));
        IntStream.range(0, fleetSize)
                .forEach(i -> yaml.append("---\n").append(application(fleetName(i), repoUrl, "fleet/" + fleetName(i))));
        live.apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + NAMESPACE + "\n");
        live.apply(yaml.toString());
    }

    private void awaitSynced(List<String> apps, String revision, Duration timeout) {
        Optional<Boolean> synced = Poll.until(timeout, () -> {
            List<String> done = live
                    .cluster()
                    .genericKubernetesResources("plumbline.dev/v1alpha1", "Application")
                    .inNamespace(LiveSystem.APPLICATIONS_NAMESPACE)
                    .list()
                    .getItems()
                    .stream()
                    .map(ApplicationView::of)
                    .filter(view -> view.isSyncedAt(revision))
                    .map(ApplicationView::name)
                    .toList();
            return Optional.of(done.containsAll(apps)).filter(all -> all);
        });
        if (synced.isEmpty()) {
            throw new BenchException(apps.size() + " Applications were not all synced at " + revision.substring(0, 7)
                    + " within " + timeout.toSeconds() + " s");
        }
    }

    private List<String> names() {
        List<String> names = new ArrayList<>(List.of(ONE));
        IntStream.range(0, fleetSize).mapToObj(Bench::fleetName).forEach(names::add);
        return names;
    }

    private static String fleetName(int index) {
        return "fleet-%03d".formatted(index);
    }

    private static String fleetFile(int index) {
        return "fleet/" + fleetName(index) + "/settings.yaml";
    }

    private static String configMap(String name, String key, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\ndata:\n  %s: \"%s\"\n"
                .formatted(name, key, value);
    }

    static String application(String name, String repoUrl, String path) {
        return """
                apiVersion: plumbline.dev/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: %s}
                spec:
                  source: {repoURL: %s, targetRevision: %s, path: %s}
                  destination: {namespace: %s}
                  syncPolicy: {automated: {prune: true, selfHeal: true}}
                """.formatted(
                        name, LiveSystem.APPLICATIONS_NAMESPACE, repoUrl, ConfigRepository.BRANCH, path, NAMESPACE);
    }

    private void progress(String line) {
        out.println("  " + line);
        out.flush();
    }

    static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    /** The machine's load averages (1, 5, 15 minutes), from /proc/loadavg where there is one. */
    public static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg"))
                    .trim()
                    .split("\\s+");
            return String.join(" ", List.of(fields).subList(0, 3)) + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (java.io.IOException unavailable) {
            return "unknown";
        }
    }
}
