package dev.plumbline.cli;

import dev.plumbline.cli.run.ComponentFailedException;
import dev.plumbline.cli.run.DetachedRun;
import dev.plumbline.cli.run.LocalStack;
import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningComponent;
import dev.plumbline.cli.run.RunningStack;
import dev.plumbline.cli.run.StackSettings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Starting a run for a command, telling where everything is, and staying with it until Ctrl-C. */
final class Foreground {

    private Foreground() {}

    /** Starts the run (stopping an earlier detached one first); empty, with the reason printed, when it failed. */
    static Optional<RunningStack> start(
            PrintWriter out, PrintWriter err, RunLayout layout, StackSettings settings, String command) {
        if (!DetachedRun.stop(layout).isEmpty()) {
            out.println("stopped an earlier detached run first");
        }
        try {
            return Optional.of(new LocalStack(layout, settings, line -> {
                        out.println("  " + line);
                        out.flush();
                    })
                    .start());
        } catch (ComponentFailedException | java.io.UncheckedIOException failure) {
            err.println("plumb " + command + " failed: " + failure.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    static void printSummary(PrintWriter out, RunLayout layout, RunningStack stack) {
        out.println();
        out.println("Plumbline is up.");
        stack.environment().entrySet().stream()
                .filter(e -> e.getKey().endsWith("_URL")
                        || (e.getKey().endsWith("_INSTANCES") && e.getValue().contains(","))
                        || e.getKey().equals("KAFKA_BOOTSTRAP_SERVERS")
                        || e.getKey().equals("PLUMBLINE_KAFKA_CLIENTS_DIR")
                        || e.getKey().equals("KUBECONFIG"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-28s %s%n", e.getKey(), e.getValue()));
        out.println("  logs                         " + layout.logs());
        out.println("  environment (secrets)        source " + layout.envFile());
        out.flush();
    }

    /** A shutdown hook that stops the run; {@code fired} once Ctrl-C (or another end of the JVM) ran it. */
    record StopOnExit(Thread hook, AtomicBoolean fired) {}

    /** From now until {@link #release}, Ctrl-C (or any other end of this command) stops every process of the run. */
    static StopOnExit stopOnExit(PrintWriter out, RunningStack stack) {
        AtomicBoolean fired = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            fired.set(true);
            out.println("stopping Plumbline …");
            out.flush();
            stack.stop();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        return new StopOnExit(hook, fired);
    }

    /** The run outlives this command after all (detached, or stopped by the caller). */
    static void release(StopOnExit stopOnExit) {
        if (!stopOnExit.fired().get()) {
            Runtime.getRuntime().removeShutdownHook(stopOnExit.hook());
        }
    }

    /** Ctrl-C stops every process; so does the death of any one of them, which is reported. */
    static Integer waitForInterrupt(PrintWriter out, RunningStack stack) {
        StopOnExit stopOnExit = stopOnExit(out, stack);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        RunningComponent exited = stack.awaitFirstExit();
        if (stopOnExit.fired().get()) {
            return 0;
        }
        release(stopOnExit);
        out.println(exited.name() + " exited on its own; its log is " + exited.log() + ". Stopping the rest.");
        out.flush();
        stack.stop();
        return 1;
    }
}
