package dev.plumbline.cli.app;

import static dev.plumbline.cli.app.AppFields.name;
import static dev.plumbline.cli.app.AppFields.shortRevision;
import static dev.plumbline.cli.app.AppFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.output.OutputOption;
import dev.plumbline.cli.output.StructuredOutput;
import dev.plumbline.cli.output.Table;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the Applications with their sync status, revision, health, drift and self-heal pause.",
            "Drift counts changed fields, objects deleted after they were live, and orphans; an object never "
                    + "created (a failed sync) is not drift but makes the app out-of-sync."
        })
final class AppListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Applications applications = new Applications(RunEnvironment.of(spec))) {
            List<JsonNode> apps = applications.list();
            if (output.structured()) {
                StructuredOutput.print(out, output.format(), apps);
                return 0;
            }
            if (apps.isEmpty()) {
                out.println("No Applications in namespace " + applications.namespace() + ".");
                return 0;
            }
            Table table = Table.withColumns("name", "sync", "revision", "health", "drift", "self-heal");
            apps.forEach(app -> table.row(
                    name(app),
                    orUnknown(text(app, "status", "sync", "status")),
                    shortRevision(text(app, "status", "sync", "revision")),
                    orUnknown(text(app, "status", "health", "status")),
                    drift(app),
                    selfHeal(app)));
            table.print(out);
        }
        return 0;
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    /** {@code heal: 2 field(s), 1 deleted object(s), healing} while an episode is open, {@code none} otherwise. */
    static String drift(JsonNode app) {
        JsonNode drift = app.path("status").path("drift");
        if (!drift.isObject()) {
            return "none";
        }
        return text(drift, "mode") + ": " + AppFields.driftCounts(drift, false)
                + (drift.path("healing").asBoolean() ? ", healing" : "");
    }

    /** {@code paused} (with until) while a pause is in force, {@code active} otherwise. */
    static String selfHeal(JsonNode app) {
        return SelfHealPause.of(app, Instant.now())
                .map(pause -> "paused" + (pause.until() == null ? "" : " until " + pause.until()))
                .orElse("active");
    }
}
