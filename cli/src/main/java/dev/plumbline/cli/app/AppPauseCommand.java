package dev.plumbline.cli.app;

import dev.plumbline.cli.connect.RunEnvironment;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "pause",
        mixinStandardHelpOptions = true,
        description = {
            "Pauses self-heal, for an incident: drift is reported, not healed.",
            "Git changes are still applied.",
            "Sets the annotations plumbline.dev/self-heal-paused-by, -paused-until and -pause-reason through the "
                    + "Kubernetes API with your own credentials. Undo with 'plumb app resume'."
        })
final class AppPauseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The Application's name.")
    String name;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, as recorded and alerted.")
    String reason;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long, such as 30m or 2h; without it, until 'plumb app resume'.")
    Duration duration;

    @Option(
            names = "--as",
            paramLabel = "WHO",
            defaultValue = "${sys:user.name}",
            description = "Who pauses, as recorded (default: your user name, ${DEFAULT-VALUE}).")
    String pausedBy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> annotations = new HashMap<>();
        annotations.put(AnnotationNames.PAUSED_BY, pausedBy);
        annotations.put(AnnotationNames.PAUSE_REASON, reason);
        Instant until = duration == null ? null : Instant.now().plus(duration).truncatedTo(ChronoUnit.SECONDS);
        // a pause without an end replaces any end set before, which would otherwise lift it early
        annotations.put(AnnotationNames.PAUSED_UNTIL, until == null ? null : until.toString());
        // the mark of the last resume belongs to the pause before this one
        annotations.put(AnnotationNames.RESUMED_BY, null);
        annotations.put(AnnotationNames.RESUMED_AT, null);
        try (Applications applications = new Applications(RunEnvironment.of(spec))) {
            applications.annotate(name, annotations);
        }
        out.println("Self-heal of " + name + " paused by " + pausedBy
                + (until == null ? " until resumed (plumb app resume " + name + ")" : " until " + until)
                + ": " + reason);
        out.flush();
        return 0;
    }
}
