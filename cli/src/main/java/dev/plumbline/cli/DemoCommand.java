package dev.plumbline.cli;

import dev.plumbline.cli.demo.Demo;
import dev.plumbline.cli.demo.DemoStepException;
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
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs Plumbline and shows it at work, step by step.",
            "",
            "Starts everything as 'plumb up' does, pushes a demo config repository to the sandbox Git server "
                    + "(DEMO_REPO_URL in .plumbline/run/env) with three Applications (plain YAML, Kustomize, Helm), "
                    + "then tells the story: deploy, a new commit, a change by hand, drift detected and healed, "
                    + "self-heal paused, a change that stays, exported to Git, committed, converged, a file deleted "
                    + "in Git, pruned; last, a new image pushed to the sandbox registry becomes a pull request that the "
                    + "reviewer merges, web runs its digest, and the audit trail shows the chain (skipped, with how to "
                    + "install it, when docker-registry is not installed). Each step is confirmed from the live "
                    + "system. Then it stays in the foreground until Ctrl-C, like 'plumb up'."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--detach", description = "Return after the story; stop everything later with 'plumb down'.")
    boolean detach;

    @Option(names = "--setup-only", description = "Stop once the repository and Applications exist and are synced.")
    boolean setupOnly;

    @Mixin
    StackOptions stackOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunLayout layout = RunLayout.under(HomeDirectory.resolve());
        long started = System.nanoTime();
        Optional<RunningStack> running =
                Foreground.start(out, spec.commandLine().getErr(), layout, stackOptions.settings(), "demo");
        if (running.isEmpty()) {
            return 1;
        }
        RunningStack stack = running.get();
        Foreground.printSummary(out, layout, stack);
        // Ctrl-C during the story stops the run, detached or not: a half-told demo is not worth keeping
        Foreground.StopOnExit stopOnExit = Foreground.stopOnExit(out, stack);
        try {
            Demo.run(
                    stack.environment(),
                    layout.runDir().resolve("demo-repository"),
                    url -> stack.addToEnvironment("DEMO_REPO_URL", url),
                    new InProcessPlumb(stack::environment),
                    out,
                    setupOnly);
        } catch (RuntimeException failure) {
            out.println();
            out.println("The demo stopped: "
                    + (failure instanceof DemoStepException
                            ? failure.getMessage()
                            : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
            out.println("The services' logs are in " + layout.logs() + ".");
            return stopOrStay(out, stack, stopOnExit, 1);
        }
        out.println();
        out.printf(
                "%s in %.0f s. The demo repository is DEMO_REPO_URL in %s; try ./plumb app list.%n",
                setupOnly ? "Set up" : "The story is told", (System.nanoTime() - started) / 1e9, layout.envFile());
        return stopOrStay(out, stack, stopOnExit, 0);
    }

    private Integer stopOrStay(PrintWriter out, RunningStack stack, Foreground.StopOnExit stopOnExit, int exitCode) {
        if (stopOnExit.fired().get()) {
            return 130;
        }
        Foreground.release(stopOnExit);
        if (detach) {
            out.println("Running detached; stop it with: ./plumb down");
            out.flush();
            return exitCode;
        }
        Integer stopped = Foreground.waitForInterrupt(out, stack);
        return exitCode != 0 ? exitCode : stopped;
    }
}
