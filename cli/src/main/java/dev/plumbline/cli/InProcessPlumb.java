package dev.plumbline.cli;

import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.demo.PlumbCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs a {@code plumb} command in this process against a given run, as a person typing it would. */
public final class InProcessPlumb implements PlumbCli {

    private final Supplier<Map<String, String>> run;

    /** @param run the run's environment as it is when a command runs (the demo adds DEMO_REPO_URL to it) */
    public InProcessPlumb(Supplier<Map<String, String>> run) {
        this.run = run;
    }

    @Override
    public Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = PlumbCommand.commandLine(() -> new RunEnvironment(run.get()));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }
}
