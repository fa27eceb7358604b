package dev.plumbline.gitwatcher.bench;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.gitwatcher.repo.WatchSet;
import dev.plumbline.gitwatcher.testing.GitWorkspace;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two figures. First, how fast the packaged service acknowledges webhooks when 200 arrive at once: the service runs
 * in its own JVM with an embedded broker, watching 200 repositories on the sandbox Git server, and each delivery
 * leads to a real fetch after its answer. Second, how long one poll cycle over 200 unchanged repositories takes.
 * Run: {@code ./mvnw -B -Pbench -pl git-watcher -am verify -DskipTests} (the service jar is packaged just before).
 */
public final class GitWatcherBench {

    private static final int DELIVERIES = 200;
    private static final int REPOSITORIES = 200;
    private static final int WARM_UP_ROUNDS = 10;
    private static final int ROUNDS = 5;
    private static final String SECRET = "bench-secret";

    private GitWatcherBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.service-jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged service at " + jar + "; run the package phase first");
        }
        Path data = Files.createTempDirectory("git-watcher-bench");
        System.out.println("load average (1, 5, 15 min) at start: " + Latencies.loadAverage()
                + " (a shared machine: other builds run beside this one)");
        // the bus as a run has it: SASL/SCRAM over TLS, each client as its own principal, commit events signed
        Path clients = data.resolve("kafka");
        try (SandboxGit git = new SandboxGit();
                EmbeddedKafka kafka = EmbeddedKafka.startSecured(data.resolve("kafka-data"), freePort(), clients)) {
            List<String> urls = repositories(git);
            try (EventTestClient events = new EventTestClient(EmbeddedKafka.clientSettings(clients, "reconciler"))) {
                events.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
                for (int i = 0; i < urls.size(); i++) {
                    events.send(SandboxGit.application("app-" + i, urls.get(i), "main", ""));
                }
            }
            try (ServiceProcess service = new ServiceProcess(
                    jar, data, EmbeddedKafka.clientProperties(clients, "git-watcher"), SECRET, git.url())) {
                service.awaitWatching(REPOSITORIES);
                List<String> nobodys = urls.stream()
                        .map(u -> u.replace("/bench-", "/unwatched-"))
                        .toList();
                try (WebhookLatencyBench bench = new WebhookLatencyBench(service, SECRET, DELIVERIES)) {
                    bench.run("unwatched repositories, no fetch", nobodys, DELIVERIES, WARM_UP_ROUNDS, ROUNDS);
                    bench.sequential(nobodys, DELIVERIES);
                    bench.run(
                            "watched repositories, a fetch after each answer",
                            urls,
                            DELIVERIES,
                            WARM_UP_ROUNDS,
                            ROUNDS);
                }
            }
            WatchSet watched = WatchSet.of(urls.stream()
                    .map(u -> SandboxGit.application("app-" + urls.indexOf(u), u, "main", ""))
                    .toList());
            PollCycleBench.run(watched, git.url(), data.resolve("poll"), ROUNDS);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
