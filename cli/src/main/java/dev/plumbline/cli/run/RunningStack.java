package dev.plumbline.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/** A started one-machine run: its processes and the environment that tells tools where everything is. */
public final class RunningStack {

    private static final Duration RESTART = Duration.ofSeconds(180);
    private static final Duration GONE = Duration.ofSeconds(10);

    private final RunLayout layout;
    private final ComponentLauncher launcher;
    private final List<RunningComponent> components;
    private final Map<String, String> environment;
    /** Each service instance's URL by its name, in the order they started. */
    private final Map<String, String> instanceUrls;

    RunningStack(
            RunLayout layout,
            ComponentLauncher launcher,
            List<RunningComponent> components,
            Map<String, String> environment,
            Map<String, String> instanceUrls) {
        this.layout = layout;
        this.launcher = launcher;
        this.components = new ArrayList<>(components);
        this.instanceUrls = new LinkedHashMap<>(instanceUrls);
        this.environment = new LinkedHashMap<>(environment);
        this.environment.putAll(Replicas.urlVariables(instanceUrls));
    }

    public synchronized Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public synchronized List<RunningComponent> components() {
        return List.copyOf(components);
    }

    public synchronized RunningComponent component(String name) {
        return components.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this run has no component " + name));
    }

    /** Adds a setting that tools reach the run by (the demo's repository), and writes it to the env file. */
    public synchronized void addToEnvironment(String name, String value) {
        environment.put(name, value);
        writeRunFiles();
    }

    /**
     * Kills a component at once (SIGKILL), as a crash or the kernel's OOM killer would, without waiting for it to
     * be gone; {@link #start} brings it back.
     */
    public void kill(String name) {
        component(name).handle().destroyForcibly();
    }

    /** Stops a component gracefully and starts it again as it was first started (see {@link #start}). */
    public RunningComponent restart(String name) {
        component(name).stop();
        return start(name);
    }

    /**
     * Starts a component that is not running (stopped, killed or crashed) again, as it was first started, and
     * waits until it is ready: the broker on the same port and data dir, a service instance under the same name and
     * work dir. A service instance that had taken any free port takes a new one, and the run's environment (and its
     * env file) says which. The log of the previous run stays beside the new one as {@code <name>.log.previous}.
     *
     * @throws IllegalStateException when the component is still running
     */
    public RunningComponent start(String name) {
        RunningComponent previous = component(name);
        awaitGone(previous);
        keepLogOfPreviousRun(previous.log());
        RunningComponent started = launcher.start(previous.component());
        synchronized (this) {
            components.set(components.indexOf(previous), started);
        }
        Matcher ready = started.awaitReady(RESTART);
        synchronized (this) {
            if (Replicas.serviceOf(name).isPresent()) {
                instanceUrls.put(name, "http://127.0.0.1:" + ready.group(1));
                environment.putAll(Replicas.urlVariables(instanceUrls));
            }
            writeRunFiles();
        }
        return started;
    }

    /** A kill takes a moment to take effect; a component that outlives it is running, and is not started twice. */
    private static void awaitGone(RunningComponent component) {
        try {
            component.onExit().get(GONE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException running) {
            throw new IllegalStateException(component.name() + " is running (pid " + component.pid()
                    + "); stop or kill it first, or restart it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + component.name() + " to end", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot tell whether " + component.name() + " ended", e);
        }
    }

    /** The log of a process that was killed tells why: it stays beside the new one as {@code <name>.log.previous}. */
    private static void keepLogOfPreviousRun(Path log) {
        try {
            if (Files.exists(log)) {
                Files.move(
                        log, log.resolveSibling(log.getFileName() + ".previous"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot keep the log " + log + " of the stopped process: " + e.getMessage(), e);
        }
    }

    /** Blocks until one of the processes exits, and returns it. */
    public RunningComponent awaitFirstExit() {
        CompletableFuture<?>[] exits =
                components().stream().map(RunningComponent::onExit).toArray(CompletableFuture[]::new);
        CompletableFuture.anyOf(exits).join();
        return components().stream().filter(c -> !c.isAlive()).findFirst().orElseThrow();
    }

    /** Stops every process, the services (together) before the sandbox they depend on. */
    public void stop() {
        Shutdown.stop(components().stream()
                .map(c -> new Shutdown.Member(c.name(), c.handle()))
                .toList());
        deleteQuietly(layout.processesFile());
    }

    /**
     * Writes {@code .plumbline/run/env} (shell syntax, for {@code source}) and the process list that
     * {@code plumb down} reads. The env file holds the run's generated secrets, so only its owner may read it.
     */
    synchronized void writeRunFiles() {
        String env = environment.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> "export " + e.getKey() + "=" + shellQuoted(e.getValue()))
                .collect(Collectors.joining("\n", "# written by plumb up; source it to reach this run\n", "\n"));
        String processes = components.stream()
                .map(c -> c.pid() + " " + c.startedAt().toEpochMilli() + " " + c.name())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            OwnerOnlyFiles.write(layout.envFile(), env);
            Files.writeString(layout.processesFile(), processes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run files under " + layout.runDir(), e);
        }
    }

    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stale process list is harmless: plumb down skips processes that are gone
        }
    }
}
