package dev.plumbline.cli;

import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningStack;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    StackOptions stackOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunLayout layout = RunLayout.under(HomeDirectory.resolve());
        Optional<RunningStack> started =
                Foreground.start(out, spec.commandLine().getErr(), layout, stackOptions.settings(), "up");
        if (started.isEmpty()) {
            return 1;
        }
        Foreground.printSummary(out, layout, started.get());
        if (detach) {
            out.println("Running detached; stop it with: ./plumb down");
            return 0;
        }
        return Foreground.waitForInterrupt(out, started.get());
    }
}
