package dev.plumbline.cli;

import dev.plumbline.cli.run.ComponentFailedException;
import dev.plumbline.cli.run.DetachedRun;
import dev.plumbline.cli.run.LocalStack;
import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningComponent;
import dev.plumbline.cli.run.RunningStack;
import dev.plumbline.cli.run.StackSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Runs Plumbline on this machine.",
            "",
            "Starts the embedded Kafka broker (unless KAFKA_BOOTSTRAP_SERVERS is set), the embedded Kubernetes API "
                    + "(unless --kubeconfig or KUBECONFIG names a real cluster), the sandbox Git server and the five "
                    + "services, each as its own process logging to .plumbline/run/logs/. Writes .plumbline/run/env "
                    + "(source it to reach the run) and stays in the foreground until Ctrl-C."
        })
final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--detach", description = "Return once everything is ready; stop it later with 'plumb down'.")
    boolean detach;

    @Option(names = "--kubeconfig", description = "A kubeconfig of a real cluster to use instead of the embedded API.")
    Path kubeconfig;

    @Option(names = "--kafka-port", defaultValue = "" + StackSettings.DEFAULT_KAFKA_PORT,
            description = "Port of the embedded Kafka broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kube-api-port", defaultValue = "" + StackSettings.DEFAULT_KUBE_API_PORT,
            description = "Port of the embedded Kubernetes API (default: ${DEFAULT-VALUE}).")
    int kubeApiPort;

    @Option(names = "--git-port", defaultValue = "" + StackSettings.DEFAULT_GIT_SERVER_PORT,
            description = "Port of the sandbox Git server (default: ${DEFAULT-VALUE}).")
    int gitPort;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunLayout layout = RunLayout.under(HomeDirectory.resolve());
        if (!DetachedRun.stop(layout).isEmpty()) {
            out.println("stopped an earlier detached run first");
        }
        StackSettings settings = new StackSettings(kafkaPort, kubeApiPort, gitPort,
                StackSettings.ServicePorts.defaults(), environment("KAFKA_BOOTSTRAP_SERVERS"), externalKubeconfig());
        RunningStack stack;
        try {
            stack = new LocalStack(layout, settings, line -> {
                out.println("  " + line);
                out.flush();
            }).start();
        } catch (ComponentFailedException | java.io.UncheckedIOException failure) {
            spec.commandLine().getErr().println("plumb up failed: " + failure.getMessage());
            return 1;
        }
        printSummary(out, layout, stack);
        if (detach) {
            out.println("Running detached; stop it with: ./plumb down");
            return 0;
        }
        return waitForInterrupt(out, stack);
    }

    private Optional<Path> externalKubeconfig() {
        return Optional.ofNullable(kubeconfig).or(() -> environment("KUBECONFIG").map(Path::of));
    }

    private static Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    private static void printSummary(PrintWriter out, RunLayout layout, RunningStack stack) {
        out.println();
        out.println("Plumbline is up.");
        stack.environment().entrySet().stream()
                .filter(e -> e.getKey().endsWith("_URL") || e.getKey().equals("KAFKA_BOOTSTRAP_SERVERS")
                        || e.getKey().equals("KUBECONFIG"))
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-24s %s%n", e.getKey(), e.getValue()));
        out.println("  logs                     " + layout.logs());
        out.println("  environment (secrets)    source " + layout.envFile());
        out.flush();
    }

    /** Ctrl-C stops every process; so does the death of any one of them, which is reported. */
    private static Integer waitForInterrupt(PrintWriter out, RunningStack stack) {
        AtomicBoolean interrupted = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.set(true);
            out.println("stopping Plumbline …");
            out.flush();
            stack.stop();
        }));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        RunningComponent exited = stack.awaitFirstExit();
        if (interrupted.get()) {
            return 0;
        }
        out.println(exited.name() + " exited on its own; its log is " + exited.log() + ". Stopping the rest.");
        out.flush();
        stack.stop();
        return 1;
    }
}
