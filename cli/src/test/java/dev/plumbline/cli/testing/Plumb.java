package dev.plumbline.cli.testing;

import dev.plumbline.cli.PlumbCommand;
import dev.plumbline.cli.connect.RunEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the {@code plumb} command in-process with a given environment, as a user would see it: output and exit code. */
public final class Plumb {

    /** What the user sees. */
    public record Run(int exitCode, String out, String err) {}

    private Plumb() {}

    public static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        Run run = run(environment, new PrintWriter(out, true), args);
        return new Run(run.exitCode(), out.toString(), run.err());
    }

    /** Runs with its output going to {@code screen} as it is printed, for commands that keep running. */
    public static Run run(Map<String, String> environment, PrintWriter screen, String... args) {
        CommandLine commandLine = PlumbCommand.commandLine(() -> new RunEnvironment(environment));
        StringWriter err = new StringWriter();
        commandLine.setOut(screen);
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, "", err.toString());
    }
}
