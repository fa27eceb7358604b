package dev.plumbline.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/** A started one-machine run: its processes and the environment that tells tools where everything is. */
public final class RunningStack {

    private static final Duration RESTART = Duration.ofSeconds(180);

    private final RunLayout layout;
    private final ComponentLauncher launcher;
    private final List<RunningComponent> components;
    private final Map<String, String> environment;

    RunningStack(
            RunLayout layout,
            ComponentLauncher launcher,
            List<RunningComponent> components,
            Map<String, String> environment) {
        this.layout = layout;
        this.launcher = launcher;
        this.components = new ArrayList<>(components);
        this.environment = new LinkedHashMap<>(environment);
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
     * Starts a component that stopped (or was killed) again, as it was first started, and waits until it is ready.
     * A service that had taken any free port takes a new one, and the run's environment says which.
     */
    public RunningComponent restart(String name) {
        RunningComponent previous = component(name);
        previous.stop();
        keepLogOfPreviousRun(previous.log());
        RunningComponent restarted = launcher.start(previous.component());
        synchronized (this) {
            components.set(components.indexOf(previous), restarted);
        }
        Matcher ready = restarted.awaitReady(RESTART);
        Arrays.stream(ServiceProcess.values())
                .filter(service -> service.module.equals(name))
                .findFirst()
                .ifPresentOrElse(
                        service -> addToEnvironment(service.urlVariable, "http://127.0.0.1:" + ready.group(1)),
                        this::writeRunFiles);
        return restarted;
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
