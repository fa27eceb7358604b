package dev.plumbline.cli.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A started component: its process and its log, which is also where its ready line shows up. */
public final class RunningComponent {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 30;

    private final Component component;
    private final Process process;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    RunningComponent(Component component, Process process, Path log) {
        this.component = component;
        this.process = process;
        this.log = log;
    }

    public String name() {
        return component.name();
    }

    Component component() {
        return component;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** When the operating system started it: with the pid, what tells this process from a later one that reuses the pid. */
    public Instant startedAt() {
        return process.toHandle().info().startInstant().orElse(Instant.EPOCH);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /**
     * Waits until the component is ready and returns its ready line's match; for a Quarkus service, the line that
     * names its port, after which its health endpoint has answered 200. Fails as soon as the process exits, with
     * the end of its log, so a broken start is never a long wait.
     */
    public Matcher awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Pattern readyLine = component.readiness() instanceof Readiness.ReadyLine line
                ? line.pattern()
                : Readiness.QuarkusService.LISTENING;
        Matcher ready = awaitLine(readyLine, deadline, timeout);
        if (component.readiness() instanceof Readiness.QuarkusService) {
            URI health = URI.create("http://127.0.0.1:" + ready.group(1) + "/q/health/ready");
            while (!answersOk(health)) {
                checkStillRunning(deadline, timeout);
            }
        }
        return ready;
    }

    private Matcher awaitLine(Pattern pattern, Instant deadline, Duration timeout) {
        while (true) {
            Optional<Matcher> match = readLog().stream()
                    .map(pattern::matcher)
                    .filter(Matcher::find)
                    .findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            checkStillRunning(deadline, timeout);
        }
    }

    /** Waits one poll interval; fails when the process exited or the time is up. */
    private void checkStillRunning(Instant deadline, Duration timeout) {
        if (exitedWithin(POLL)) {
            throw new ComponentFailedException(
                    name() + " exited with code " + process.exitValue() + " before it was ready." + logTail());
        }
        if (Instant.now().isAfter(deadline)) {
            throw new ComponentFailedException(
                    name() + " was not ready within " + timeout.toSeconds() + " s." + logTail());
        }
    }

    /** Kills the process at once (SIGKILL), as a crash or the kernel's OOM killer would, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** The resident memory of the process (VmRSS of /proc/PID/status) in KiB; empty where /proc is not there. */
    public java.util.OptionalLong residentKib() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (IOException | NumberFormatException unavailable) {
            return java.util.OptionalLong.empty();
        }
    }

    /** Stops the component gracefully (SIGTERM), and forcibly when it does not stop in time. */
    public void stop() {
        stop(process.toHandle());
    }

    static void stop(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (Exception stillRunning) {
            handle.destroyForcibly();
        }
    }

    private boolean answersOk(URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComponentFailedException("interrupted while waiting for " + name());
        }
    }

    /** Waiting on the process doubles as the poll interval and notices an early exit at once. */
    private boolean exitedWithin(Duration duration) {
        try {
            return process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComponentFailedException("interrupted while waiting for " + name());
        }
    }

    private List<String> readLog() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private String logTail() {
        List<String> lines = readLog();
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        return "\nLast lines of " + log + ":\n  " + String.join("\n  ", tail);
    }
}
