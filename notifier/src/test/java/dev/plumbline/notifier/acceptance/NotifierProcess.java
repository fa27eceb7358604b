package dev.plumbline.notifier.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/** The packaged notifier run as its own process, as in production, so that a test can kill it outright. */
final class NotifierProcess implements AutoCloseable {

    /** Set by failsafe, which runs after the jar is built; a run of this test by surefire is skipped. */
    static final String JAR_PROPERTY = "plumbline.notifier.jar";

    private final Process process;
    private final int port;

    private NotifierProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param name      names its log file under {@code target/restart-it}
     * @param settings  system properties, such as {@code plumbline.delivery.max-attempts}
     * @param env       environment variables, such as {@code PLUMBLINE_SLACK_WEBHOOK_URL}
     */
    static NotifierProcess start(String name, Map<String, String> settings, Map<String, String> env) {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run this test in the verify phase");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-Dquarkus.http.port=" + port);
        // the embedded broker is one broker: the production replication of 3 could not create a topic there
        command.add("-Dplumbline.topics.replication-factor=1");
        command.add("-Dplumbline.topics.min-insync-replicas=1");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path logs = Files.createDirectories(Path.of("target", "restart-it"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(name + ".log").toFile());
            builder.environment().putAll(env);
            return new NotifierProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the packaged notifier", e);
        }
    }

    boolean ready() {
        try {
            HttpResponse<String> ready = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return ready.statusCode() == 200;
        } catch (IOException | InterruptedException notYet) {
            return false;
        }
    }

    String metrics() throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** SIGKILL: no shutdown hook, no last commit, no goodbye to the consumer group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                // no waiting any more: the process must not outlive the test
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
