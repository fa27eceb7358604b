package dev.plumbline.cli.app;

import static dev.plumbline.cli.app.AppFields.shortRevision;
import static dev.plumbline.cli.app.AppFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.output.OutputOption;
import dev.plumbline.cli.output.StructuredOutput;
import dev.plumbline.cli.output.Table;
import dev.plumbline.cli.output.Times;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Lists the last syncs of an Application (the reconciler keeps 10), newest first, with who or "
                + "what started each.")
final class AppHistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "NAME", description = "The Application's name.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode history;
        try (Applications applications = new Applications(RunEnvironment.of(spec))) {
            history = applications.get(name).path("status").path("history");
        }
        if (output.structured()) {
            StructuredOutput.print(out, output.format(), history.isArray() ? history : List.of());
            return 0;
        }
        if (!history.isArray() || history.isEmpty()) {
            out.println(name + " has not been synced yet.");
            out.flush();
            return 0;
        }
        Table table =
                Table.withColumns("started", "revision", "trigger", "by", "result", "applied", "pruned", "message");
        history.forEach(sync -> table.row(
                Times.toSecond(text(sync, "startedAt")),
                shortRevision(text(sync, "revision")),
                text(sync, "trigger"),
                text(sync, "initiatedBy"),
                text(sync, "result"),
                text(sync, "applied"),
                text(sync, "pruned"),
                AppFields.syncMessage(sync)));
        table.print(out);
        return 0;
    }
}
