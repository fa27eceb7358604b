package dev.plumbline.gitwatcher.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The packaged git-watcher ({@code target/quarkus-app/quarkus-run.jar}) in a JVM of its own, as it runs in a
 * cluster: its own heap, event loop and fetch workers, reached over loopback HTTP. Its output goes to a file,
 * shown when it fails to start.
 */
final class ServiceProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final URI root;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * @param kafkaClient  the git-watcher principal's Kafka client settings, bootstrap address included
     * @param gitServerUrl the sandbox Git server's base URL, which the service's credentials are for
     */
    ServiceProcess(Path jar, Path data, Path kafkaClient, String webhookSecret, String gitServerUrl)
            throws IOException {
        int port = freePort();
        root = URI.create("http://127.0.0.1:" + port + "/");
        log = data.resolve("service.log");
        Map<String, String> settings = Map.of(
                "quarkus.http.port",
                String.valueOf(port),
                "plumbline.data-dir",
                data.resolve("service").toString(),
                "plumbline.webhook.secret",
                webhookSecret,
                // the bench sends bursts from one address: it measures answers, not the rate limit
                "plumbline.webhook.rate-limit.burst",
                "1000000",
                "plumbline.signing.key-file",
                TestSigningKeys.privateKeyFile("git-watcher").toString(),
                // the bench measures acknowledgements: polls would only add fetches of their own
                "plumbline.poll.interval",
                "1h",
                "plumbline.credentials.sandbox.url",
                gitServerUrl,
                "plumbline.credentials.sandbox.username",
                SandboxGit.USER,
                "plumbline.credentials.sandbox.password",
                SandboxGit.PASSWORD);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // e.g. -Dbench.service-jvm-options=-XX:StartFlightRecording=filename=/tmp/gw.jfr to profile the service
        String jvmOptions = System.getProperty("bench.service-jvm-options", "").strip();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PLUMBLINE_KAFKA_CLIENT_PROPERTIES", kafkaClient.toString());
        // the embedded broker is one broker: the production replication of 3 could not create a topic there
        builder.environment().put("PLUMBLINE_TOPICS_REPLICATION_FACTOR", "1");
        builder.environment().put("PLUMBLINE_TOPICS_MIN_INSYNC_REPLICAS", "1");
        process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    URI root() {
        return root;
    }

    /** The CPU time the service has used so far, all its threads together: what the machine's load cannot inflate. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * The CPU time the service's JIT compiler threads have used so far, from Linux's per-thread scheduler statistics
     * (zero elsewhere): a warming JVM spends a share of its CPU compiling, which a long-running service does not.
     */
    Duration compilerCpuTime() {
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        long nanos = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("(?s)C\\d CompilerThre.*")) {
                        nanos += Long.parseLong(
                                Files.readString(thread.resolve("schedstat")).split(" ")[0]);
                    }
                } catch (IOException | RuntimeException ended) {
                    // a compiler thread that ended between the listing and the read: its time is gone with it
                }
            }
        } catch (IOException e) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(nanos);
    }

    /** Waits until the service is ready and has fetched each of the repositories once. */
    void awaitWatching(int repositories) {
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the service stopped; its output:\n" + tail());
                        }
                        return get("q/health/ready") == 200;
                    });
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        JsonNode repos = JSON.readTree(client.send(
                                        HttpRequest.newBuilder(root.resolve("api/repos"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofByteArray())
                                .body());
                        return repos.size() == repositories
                                && StreamSupport.stream(repos.spliterator(), false)
                                        .allMatch(repo -> repo.has("lastFetch") && !repo.has("lastError"));
                    });
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + "\nservice output:\n" + tail(), e);
        }
    }

    /**
     * Waits until the service is nearly idle (under 25 ms of CPU per half second): the fetches that earlier
     * deliveries asked for have ended, so that they neither slow the next figures nor count in their CPU time.
     */
    void awaitIdle() {
        Duration[] last = {cpuTime()};
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Duration now = cpuTime();
                    boolean idle = now.minus(last[0]).toMillis() < 25;
                    last[0] = now;
                    return idle;
                });
    }

    private int get(String path) {
        try {
            return client.send(
                            HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            // no waiting any more: the process must not outlive the benchmark
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
