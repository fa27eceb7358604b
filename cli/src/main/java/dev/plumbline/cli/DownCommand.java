package dev.plumbline.cli;

import dev.plumbline.cli.run.DetachedRun;
import dev.plumbline.cli.run.RunLayout;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = "Stops a run started with 'plumb up --detach', leaving no process behind.")
final class DownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> stopped = DetachedRun.stop(RunLayout.under(HomeDirectory.resolve()));
        spec.commandLine()
                .getOut()
                .println(
                        stopped.isEmpty()
                                ? "No detached run of Plumbline is running."
                                : "Stopped " + String.join(", ", stopped) + ".");
        return 0;
    }
}
