package dev.plumbline.cli.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.RunEnvironment;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Resumes self-heal.", "Removes the plumbline.dev/self-heal-paused-* annotations; drift "
                + "still present is healed from then on."})
final class AppResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The Application's name.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Applications applications = new Applications(RunEnvironment.of(spec))) {
            JsonNode app = applications.get(name);
            Optional<SelfHealPause> pause = SelfHealPause.of(app, Instant.now());
            Map<String, String> removed = new HashMap<>();
            removed.put(AnnotationNames.PAUSED_BY, null);
            removed.put(AnnotationNames.PAUSED_UNTIL, null);
            removed.put(AnnotationNames.PAUSE_REASON, null);
            applications.annotate(name, removed);
            out.println(pause.map(p -> "Self-heal of " + name + " resumed (it was " + p.describe() + ").")
                    .orElse("Self-heal of " + name + " was not paused; nothing to resume."));
        }
        out.flush();
        return 0;
    }
}
