package dev.plumbline.cli.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.RunEnvironment;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = {
            "Resumes self-heal.",
            "Removes the plumbline.dev/self-heal-paused-* annotations and records "
                    + "who resumed in plumbline.dev/self-heal-resumed-by and -resumed-at, in one change through the "
                    + "Kubernetes API with your own credentials; the audit trail names that person. Drift still present "
                    + "is healed from then on."
        })
final class AppResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The Application's name.")
    String name;

    @Option(
            names = "--as",
            paramLabel = "WHO",
            defaultValue = "${sys:user.name}",
            description = "Who resumes, as recorded (default: your user name, ${DEFAULT-VALUE}).")
    String resumedBy;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Applications applications = new Applications(RunEnvironment.of(spec))) {
            JsonNode app = applications.get(name);
            Optional<SelfHealPause> pause = SelfHealPause.of(app, Instant.now());
            if (pause.isEmpty()) {
                out.println("Self-heal of " + name + " was not paused; nothing to resume.");
                out.flush();
                return 0;
            }
            Map<String, String> annotations = new HashMap<>();
            annotations.put(AnnotationNames.PAUSED_BY, null);
            annotations.put(AnnotationNames.PAUSED_UNTIL, null);
            annotations.put(AnnotationNames.PAUSE_REASON, null);
            annotations.put(AnnotationNames.RESUMED_BY, resumedBy);
            annotations.put(
                    AnnotationNames.RESUMED_AT,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            applications.annotate(name, annotations);
            out.println("Self-heal of " + name + " resumed by " + resumedBy + " (it was "
                    + pause.get().describe() + ").");
        }
        out.flush();
        return 0;
    }
}
