package dev.plumbline.cli;

import dev.plumbline.cli.bench.Bench;
import dev.plumbline.cli.bench.PhaseLoad;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.cli.run.DetachedRun;
import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningComponent;
import dev.plumbline.cli.run.RunningStack;
import dev.plumbline.cli.run.StackSettings;
import dev.plumbline.sandbox.kube.KubeApiControl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures Plumbline on this machine.",
            "",
            "Starts a run of its own (under .plumbline/bench, cleared first, on free ports, so a run of 'plumb up' is left alone) "
                    + "with git-watcher polling every --poll-interval, and prints: commit-to-applied latency p50/p99 "
                    + "of one small app through a webhook and through polling, the time until 100 Applications "
                    + "changed by one commit are all synced, drift-to-healed p50/p99, and the resident memory of each "
                    + "process. With --replicas reconciler=2 (or more) it also prints, for the fleet's first sync and "
                    + "for one commit changing it all, each reconciler instance's reconciles and objects applied and "
                    + "their rate (from its /q/metrics), and the Kubernetes API's requests in flight. Stops the run "
                    + "at the end."
        })
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--rounds",
            defaultValue = "20",
            description = "Commits (and drifts) measured (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--poll-interval",
            defaultValue = "2s",
            description = "git-watcher's poll interval in this run (default: ${DEFAULT-VALUE}).")
    String pollInterval;

    @Option(
            names = "--fleet",
            defaultValue = "" + Bench.DEFAULT_FLEET,
            description = "Applications changed by one commit, created beside the one app of the latency rounds"
                    + " (default: ${DEFAULT-VALUE}).")
    int fleet;

    @Option(
            names = "--replicas",
            paramLabel = "SERVICE=COUNT[,SERVICE=COUNT…]",
            converter = ReplicasOption.class,
            description = ReplicasOption.DESCRIPTION)
    ReplicasOption.Counts replicas = ReplicasOption.Counts.ONE_OF_EACH;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (fleet < 1 || rounds < 1) {
            err.println("plumb bench: --fleet and --rounds must be at least 1 (got --fleet " + fleet + ", --rounds "
                    + rounds + ")");
            return 2;
        }
        RunLayout home = RunLayout.under(HomeDirectory.resolve());
        RunLayout layout =
                new RunLayout(home.home(), home.home().resolve(".plumbline").resolve("bench"));
        StackSettings settings = new StackSettings(
                        freePort(),
                        0,
                        0,
                        new StackSettings.ServicePorts(freePort(), 0, 0, 0, 0, 0),
                        Optional.empty(),
                        Optional.empty())
                .withRegistryPort(0)
                .withReplicas(replicas.byService())
                .withServiceSetting("git-watcher", "PLUMBLINE_POLL_INTERVAL", pollInterval);
        // every bench starts from nothing: a broker kept from an earlier bench would still hold its Applications
        // and renders, which every service reads again at start and the figures would include
        DetachedRun.stop(layout);
        try {
            deleteRecursively(layout.runDir());
        } catch (IOException | UncheckedIOException e) {
            err.println("plumb bench: cannot clear " + layout.runDir() + " of an earlier bench: " + e.getMessage());
            return 1;
        }
        String loadBefore = Bench.loadAverage();
        out.println("Starting a run for the benchmark (load average " + loadBefore + ") …");
        Optional<RunningStack> started = Foreground.start(out, err, layout, settings, "bench");
        if (started.isEmpty()) {
            return 1;
        }
        RunningStack stack = started.get();
        try (LiveSystem live = new LiveSystem(stack.environment())) {
            out.println("Measuring …");
            Optional<KubeApiControl> api = Optional.of(
                    new KubeApiControl(URI.create(live.cluster().getMasterUrl().toString())));
            Bench.Figures figures = new Bench(live, out, fleet, api)
                    .run(layout.runDir().resolve("bench-repository"), rounds, Math.max(5, rounds / 2), rounds);
            out.println();
            out.println("Plumbline bench (load average before " + loadBefore + ", after " + Bench.loadAverage() + ")");
            out.printf("  %-44s %s%n", "commit to applied, webhook", figures.webhook());
            out.printf("  %-44s %s%n", "commit to applied, polling every " + pollInterval, figures.polling());
            printPhase(out, fleet + 1 + " new Applications, first synced", figures.onboarding());
            printPhase(out, fleet + " Applications changed by one commit, synced", figures.fleetChange());
            out.printf("  %-44s %s%n", "drift to healed", figures.driftHealed());
            out.println("  resident memory (VmRSS) with " + (fleet + 1) + " Applications:");
            for (RunningComponent component : stack.components()) {
                out.printf(
                        "    %-14s %s%n",
                        component.name(),
                        component.residentKib().stream()
                                .mapToObj(kib -> "%d MiB".formatted(kib / 1024))
                                .findFirst()
                                .orElse("unknown"));
            }
            return 0;
        } catch (RuntimeException failure) {
            err.println("plumb bench failed: " + failure.getMessage() + " (logs: " + layout.logs() + ")");
            return 1;
        } finally {
            out.flush();
            stack.stop();
        }
    }

    /** A phase's wall time, each reconciler instance's share and throughput in it, and the API's load. */
    private static void printPhase(PrintWriter out, String what, PhaseLoad load) {
        out.printf("  %-44s %.1f s%n", what, load.wall().toMillis() / 1000.0);
        load.lines().forEach(line -> out.println("    " + line));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
