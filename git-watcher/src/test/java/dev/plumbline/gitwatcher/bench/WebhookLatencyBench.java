package dev.plumbline.gitwatcher.bench;

import dev.plumbline.gitwatcher.webhook.Signatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Acknowledgement latency of the running service: bursts of signed GitHub push deliveries (7 KB bodies, the size of
 * a real push payload), all sent at once over loopback HTTP. Each names a watched repository, so that each is verified,
 * read, deduplicated, matched and turned into a fetch that runs after the answer, alongside the next bursts; then the
 * same bursts name repositories nobody watches, which isolates the answer from the fetches' share of the CPU. Every
 * answer must be 202.
 */
final class WebhookLatencyBench {

    private static final String PADDING = "x".repeat(7000);

    private final ServiceProcess service;
    private final URI target;
    private final String secret;

    WebhookLatencyBench(ServiceProcess service, String secret) {
        this.service = service;
        this.target = service.root().resolve("webhooks/github");
        this.secret = secret;
    }

    /** One delivery at a time: the latency of an answer when nothing else is asked of the service. */
    void sequential(List<String> urls, int deliveries) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(1);
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                    .build();
            service.awaitIdle();
            round(client, urls, 1, "sequential-warm-up");
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                all.addAll(round(client, urls, 1, "sequential-" + i));
            }
            all.sort(null);
            System.out.printf("webhook ack latency of the service, one delivery at a time x %d: p50 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms (load average %s)%n", deliveries, Latencies.percentile(all, 50),
                    Latencies.percentile(all, 99), all.get(all.size() - 1) / 1e6, Latencies.loadAverage());
        } finally {
            clientThreads.shutdownNow();
        }
    }

    void run(String label, List<String> urls, int deliveries, int warmUpRounds, int rounds) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(8);
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                    .build();
            service.awaitIdle();
            for (int r = 0; r < warmUpRounds; r++) {
                round(client, urls, deliveries, label + "-warm-up-" + r);
            }
            service.awaitIdle();
            String loadBefore = Latencies.loadAverage();
            Duration cpuBefore = service.cpuTime();
            Duration benchCpuBefore = benchCpu();
            List<Long> all = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                List<Long> one = round(client, urls, deliveries, label + "-round-" + r);
                one.sort(null);
                System.out.printf("  round %d: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", r + 1,
                        Latencies.percentile(one, 50), Latencies.percentile(one, 99), one.get(one.size() - 1) / 1e6);
                all.addAll(one);
            }
            all.sort(null);
            System.out.printf("webhook ack latency of the service, %s, %d concurrent deliveries x %d rounds (after %d "
                            + "warm-up rounds): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", label, deliveries, rounds,
                    warmUpRounds, Latencies.percentile(all, 50), Latencies.percentile(all, 99),
                    all.get(all.size() - 1) / 1e6);
            double benchCpuMillis = benchCpu().minus(benchCpuBefore).toNanos() / 1e6;
            String loadAfter = Latencies.loadAverage();
            service.awaitIdle();
            double cpuMillis = service.cpuTime().minus(cpuBefore).toNanos() / 1e6;
            System.out.printf("  service CPU time, all threads, until it was idle again: %.2f ms per delivery "
                    + "(the fetches included when any follow)%n", cpuMillis / (deliveries * (double) rounds));
            System.out.printf("  bench JVM CPU time during the rounds (the HTTP client, and the Git server and broker "
                    + "serving fetches): %.2f ms per delivery%n", benchCpuMillis / (deliveries * (double) rounds));
            System.out.printf("  load average (1, 5, 15 min) before: %s; after: %s%n", loadBefore, loadAfter);
        } finally {
            // the exec plugin waits for every non-daemon thread: the pool must end with the benchmark
            clientThreads.shutdownNow();
        }
    }

    private static Duration benchCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private List<Long> round(HttpClient client, List<String> urls, int deliveries, String round) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            byte[] body = ("{\"ref\":\"refs/heads/main\",\"repository\":{\"clone_url\":\"" + urls.get(i % urls.size())
                    + "\"},\"padding\":\"" + PADDING + "\"}").getBytes(StandardCharsets.UTF_8);
            requests.add(HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                    .header("X-GitHub-Delivery", round + "-" + i)
                    .header("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(secret, body)).build());
        }
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        for (HttpRequest request : requests) {
            long start = System.nanoTime();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
                long took = System.nanoTime() - start;
                if (response.statusCode() != 202) {
                    throw new IllegalStateException("expected 202, got " + response.statusCode());
                }
                return took;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (CompletableFuture<Long> future : pending) {
            latencies.add(future.get());
        }
        return latencies;
    }
}
