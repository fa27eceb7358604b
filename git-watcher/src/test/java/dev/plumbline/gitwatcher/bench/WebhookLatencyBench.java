package dev.plumbline.gitwatcher.bench;

import dev.plumbline.gitwatcher.webhook.Signatures;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Acknowledgement latency of the running service: bursts of signed GitHub push deliveries (7 KB bodies, the size of
 * a real push payload), all sent at once over loopback HTTP. Each names a watched repository, so that each is verified,
 * read, deduplicated, matched and turned into a fetch that runs after the answer, alongside the next bursts; or names
 * a repository nobody watches, which isolates the answer from the fetches' share of the CPU. Every answer must be 202.
 * The client shares the machine's cores with the service, so it is a lean one: one event loop, requests built before
 * the clock starts, connections kept open between bursts as a Git host's delivery pool keeps them.
 */
final class WebhookLatencyBench implements AutoCloseable {

    private static final String PADDING = "x".repeat(7000);

    private final ServiceProcess service;
    private final String secret;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient client;

    WebhookLatencyBench(ServiceProcess service, String secret, int connections) {
        this.service = service;
        this.secret = secret;
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setDefaultHost(service.root().getHost())
                        .setDefaultPort(service.root().getPort()),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /** One delivery at a time: the latency of an answer when nothing else is asked of the service. */
    void sequential(List<String> urls, int deliveries) throws Exception {
        service.awaitIdle();
        round(urls, 1, "sequential-warm-up");
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            all.addAll(round(urls, 1, "sequential-" + i));
        }
        all.sort(null);
        System.out.printf(
                "webhook ack latency of the service, one delivery at a time x %d: p50 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms (load average %s)%n",
                deliveries,
                Latencies.percentile(all, 50),
                Latencies.percentile(all, 99),
                all.get(all.size() - 1) / 1e6,
                Latencies.loadAverage());
    }

    void run(String label, List<String> urls, int deliveries, int warmUpRounds, int rounds) throws Exception {
        service.awaitIdle();
        for (int r = 0; r < warmUpRounds; r++) {
            round(urls, deliveries, label + "-warm-up-" + r);
        }
        service.awaitIdle();
        String loadBefore = Latencies.loadAverage();
        Duration cpuBefore = service.cpuTime();
        Duration compilerBefore = service.compilerCpuTime();
        Duration benchCpuBefore = benchCpu();
        List<Long> all = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Long> one = round(urls, deliveries, label + "-round-" + r);
            one.sort(null);
            System.out.printf(
                    "  round %d: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    r + 1, Latencies.percentile(one, 50), Latencies.percentile(one, 99), one.get(one.size() - 1) / 1e6);
            all.addAll(one);
        }
        double benchCpuMillis = benchCpu().minus(benchCpuBefore).toNanos() / 1e6;
        String loadAfter = Latencies.loadAverage();
        service.awaitIdle();
        double cpuMillis = service.cpuTime().minus(cpuBefore).toNanos() / 1e6;
        double compilerMillis = service.compilerCpuTime().minus(compilerBefore).toNanos() / 1e6;
        all.sort(null);
        System.out.printf(
                "webhook ack latency of the service, %s, %d concurrent deliveries x %d rounds (after %d "
                        + "warm-up rounds): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                label,
                deliveries,
                rounds,
                warmUpRounds,
                Latencies.percentile(all, 50),
                Latencies.percentile(all, 99),
                all.get(all.size() - 1) / 1e6);
        double count = deliveries * (double) rounds;
        System.out.printf(
                "  service CPU time, all threads, until it was idle again: %.2f ms per delivery "
                        + "(the fetches included when any follow), of which JIT compiling %.2f ms; without it %.2f ms%n",
                cpuMillis / count, compilerMillis / count, (cpuMillis - compilerMillis) / count);
        System.out.printf(
                "  bench JVM CPU time during the rounds (the HTTP client, and the Git server and broker "
                        + "serving fetches): %.2f ms per delivery%n",
                benchCpuMillis / count);
        System.out.printf("  load average (1, 5, 15 min) before: %s; after: %s%n", loadBefore, loadAfter);
    }

    private static Duration benchCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private List<Long> round(List<String> urls, int deliveries, String round) throws Exception {
        List<RequestOptions> requests = new ArrayList<>();
        List<Buffer> bodies = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            byte[] body = ("{\"ref\":\"refs/heads/main\",\"repository\":{\"clone_url\":\"" + urls.get(i % urls.size())
                            + "\"},\"padding\":\"" + PADDING + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            requests.add(new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setURI("/webhooks/github")
                    .setHeaders(MultiMap.caseInsensitiveMultiMap()
                            .add("Content-Type", "application/json")
                            .add("X-GitHub-Event", "push")
                            .add("X-GitHub-Delivery", round + "-" + i)
                            .add("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(secret, body))));
            bodies.add(Buffer.buffer(body));
        }
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            CompletableFuture<Long> answered = new CompletableFuture<>();
            Buffer body = bodies.get(i);
            long start = System.nanoTime();
            client.request(requests.get(i))
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onSuccess(status -> {
                        if (status == 202) {
                            answered.complete(System.nanoTime() - start);
                        } else {
                            answered.completeExceptionally(new IllegalStateException("expected 202, got " + status));
                        }
                    })
                    .onFailure(answered::completeExceptionally);
            pending.add(answered);
        }
        List<Long> latencies = new ArrayList<>();
        for (CompletableFuture<Long> future : pending) {
            latencies.add(future.get(2, TimeUnit.MINUTES));
        }
        return latencies;
    }

    @Override
    public void close() {
        client.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
        // the exec plugin waits for every non-daemon thread: the event loop must end with the benchmark
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
    }
}
