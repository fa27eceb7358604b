package dev.plumbline.gitwatcher.bench;

import com.sun.net.httpserver.HttpServer;
import dev.plumbline.events.git.Trigger;
import dev.plumbline.gitwatcher.artifact.ArtifactStore;
import dev.plumbline.gitwatcher.poll.Backoff;
import dev.plumbline.gitwatcher.poll.FetchScheduler;
import dev.plumbline.gitwatcher.repo.CycleResult;
import dev.plumbline.gitwatcher.repo.FetchCycle;
import dev.plumbline.gitwatcher.repo.Mirror;
import dev.plumbline.gitwatcher.repo.RepoCredentials;
import dev.plumbline.gitwatcher.repo.ReportedStore;
import dev.plumbline.gitwatcher.repo.TransportAuth;
import dev.plumbline.gitwatcher.repo.WatchSet;
import dev.plumbline.gitwatcher.repo.WatchedRepo;
import dev.plumbline.gitwatcher.testing.GitWorkspace;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import dev.plumbline.gitwatcher.webhook.DeliveryLog;
import dev.plumbline.gitwatcher.webhook.Endpoint;
import dev.plumbline.gitwatcher.webhook.Signatures;
import dev.plumbline.gitwatcher.webhook.WebhookOutcome;
import dev.plumbline.gitwatcher.webhook.WebhookReceiver;
import dev.plumbline.gitwatcher.webhook.WebhookRequest;
import dev.plumbline.gitwatcher.webhook.WebhookSecrets;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two figures: how fast a webhook is acknowledged when 200 arrive at once (signed 7 KB GitHub-size bodies, verified,
 * read, deduplicated, matched and handed to the real scheduler, over HTTP), and how long one poll cycle over 200
 * unchanged repositories takes (fetch from the sandbox Git server with basic auth, resolve, compare; nothing to
 * publish). Run: {@code ./mvnw -B -Pbench -pl git-watcher -am verify -DskipTests}.
 */
public final class GitWatcherBench {

    private static final int DELIVERIES = 200;
    private static final int REPOSITORIES = 200;
    private static final int ROUNDS = 5;

    private GitWatcherBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("git-watcher-bench");
        try (SandboxGit git = new SandboxGit()) {
            List<String> urls = repositories(git);
            WatchSet watched = WatchSet.of(urls.stream().map(u -> SandboxGit.application("app-" + urls.indexOf(u),
                    u, "main", "")).toList());
            webhookLatency(watched);
            pollCycle(watched, data);
        }
    }

    private static List<String> repositories(SandboxGit git) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < REPOSITORIES; i++) {
            String url = git.newRepository("bench-" + i);
            try (GitWorkspace work = git.workspace(url)) {
                work.commit("Base", Map.of("app/deploy.yaml", "replicas: " + i + "\n"));
                work.push("HEAD:refs/heads/main");
            }
            urls.add(url);
        }
        return urls;
    }

    private static void webhookLatency(WatchSet watched) throws Exception {
        try (FetchScheduler scheduler = new FetchScheduler(new Backoff(Duration.ofHours(1), 0.1, Duration.ofSeconds(5),
                Duration.ofMinutes(5)), 4, (key, trigger, id) -> true, new Random())) {
            watched.repos().forEach(r -> scheduler.watch(r.key(), Trigger.watchStarted()));
            WebhookReceiver receiver = new WebhookReceiver(new WebhookSecrets(Map.of(), Optional.of("bench-secret")),
                    new DeliveryLog(10_000, Duration.ofHours(1), Clock.systemUTC()), new WebhookReceiver.Repositories() {
                        @Override
                        public Optional<String> watchedKey(String anyUrl) {
                            return watched.byUrl(anyUrl).map(WatchedRepo::key);
                        }

                        @Override
                        public void nudge(String repoKey, Trigger trigger) {
                            scheduler.request(repoKey, trigger, FetchScheduler.newCorrelationId());
                        }
                    }, Clock.systemUTC());
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), DELIVERIES);
            ExecutorService serverThreads = Executors.newFixedThreadPool(16);
            ExecutorService clientThreads = Executors.newFixedThreadPool(32);
            server.setExecutor(serverThreads);
            List<Long> handling = new java.util.concurrent.CopyOnWriteArrayList<>();
            server.createContext("/webhooks/github", exchange -> {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
                byte[] body = exchange.getRequestBody().readAllBytes();
                long start = System.nanoTime();
                WebhookOutcome outcome = receiver.handle(new WebhookRequest(Endpoint.GITHUB, headers, body));
                handling.add(System.nanoTime() - start);
                exchange.sendResponseHeaders(outcome.status(), -1);
                exchange.close();
            });
            server.start();
            try {
                URI target = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/github");
                List<String> urls = watched.repos().stream().map(WatchedRepo::fetchUrl).toList();
                HttpClient client = HttpClient.newBuilder().executor(clientThreads).build();
                round(client, target, urls, "warm-up");
                handling.clear();
                List<Long> all = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    all.addAll(round(client, target, urls, "round-" + r));
                }
                all.sort(null);
                System.out.printf("webhook ack latency, %d concurrent deliveries x %d rounds: p50 %.2f ms, "
                                + "p99 %.2f ms, max %.2f ms%n", DELIVERIES, ROUNDS, percentile(all, 50),
                        percentile(all, 99), all.get(all.size() - 1) / 1e6);
                List<Long> inService = new ArrayList<>(handling);
                inService.sort(null);
                System.out.printf("  of which in the receiver (verify, read, deduplicate, match, schedule): p50 %.3f ms, "
                        + "p99 %.3f ms%n", percentile(inService, 50), percentile(inService, 99));
            } finally {
                // the exec plugin waits for every non-daemon thread: these pools must end with the benchmark
                server.stop(0);
                serverThreads.shutdownNow();
                clientThreads.shutdownNow();
            }
        }
    }

    private static List<Long> round(HttpClient client, URI target, List<String> urls, String round) throws Exception {
        String padding = "x".repeat(7000);
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            byte[] body = ("{\"ref\":\"refs/heads/main\",\"repository\":{\"clone_url\":\"" + urls.get(i % urls.size())
                    + "\"},\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", round + "-" + i)
                    .header("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex("bench-secret", body)).build();
            long start = System.nanoTime();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
                if (response.statusCode() != 202) {
                    throw new IllegalStateException("expected 202, got " + response.statusCode());
                }
                return System.nanoTime() - start;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (CompletableFuture<Long> future : pending) {
            latencies.add(future.get());
        }
        return latencies;
    }

    private static void pollCycle(WatchSet watched, Path data) throws Exception {
        FetchCycle cycle = new FetchCycle(new ArtifactStore(data.resolve("artifacts")),
                new FetchCycle.Settings("http://localhost:8081", 250, Duration.ofSeconds(30)));
        ReportedStore store = new ReportedStore(data.resolve("state"));
        TransportAuth auth = TransportAuth.of(new RepoCredentials("sandbox", "http://127.0.0.1:", SandboxGit.USER,
                SandboxGit.PASSWORD, null, null, null), new dev.plumbline.gitwatcher.repo.SshSessions(data.resolve("ssh")));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            long firstStart = System.nanoTime();
            runCycle(watched, data, cycle, store, auth, workers);
            System.out.printf("first fetch of %d repositories (clone, announce, build artifacts): %.0f ms%n",
                    REPOSITORIES, (System.nanoTime() - firstStart) / 1e6);
            List<Long> cycles = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                long start = System.nanoTime();
                int events = runCycle(watched, data, cycle, store, auth, workers);
                cycles.add(System.nanoTime() - start);
                if (events != 0) {
                    throw new IllegalStateException("an unchanged repository produced " + events + " events");
                }
            }
            cycles.sort(null);
            System.out.printf("poll cycle over %d unchanged repositories, 4 fetch workers: median %.0f ms, "
                    + "best %.0f ms, worst %.0f ms (%d cycles, 0 events)%n", REPOSITORIES, percentile(cycles, 50),
                    cycles.get(0) / 1e6, cycles.get(cycles.size() - 1) / 1e6, ROUNDS);
        } finally {
            workers.shutdownNow();
        }
    }

    private static int runCycle(WatchSet watched, Path data, FetchCycle cycle, ReportedStore store, TransportAuth auth,
                                ExecutorService workers) throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        for (WatchedRepo repo : watched.repos()) {
            results.add(workers.submit(() -> {
                try (Mirror mirror = Mirror.open(data.resolve("repos").resolve(repo.key()))) {
                    CycleResult result = cycle.run(repo, mirror, auth, store.load(repo.key()), Trigger.poll(), "bench");
                    store.save(repo.key(), result.reported());
                    return result.events().size();
                }
            }));
        }
        int events = 0;
        for (Future<Integer> result : results) {
            events += result.get();
        }
        return events;
    }

    private static double percentile(List<Long> sortedNanos, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
