package dev.plumbline.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.messaging.AuditTopic;
import dev.plumbline.cli.output.OutputFormat;
import dev.plumbline.cli.output.OutputOption;
import dev.plumbline.cli.output.StructuredOutput;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the latest audit records, one line each.",
            "Read from Kafka (plumbline.audit): time, " + "app, commit (author, approver), action, actor and summary.",
            "-o json prints one record per line as stored (hash included); -o yaml one document per record."
        })
final class AuditTailCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Option(names = "--app", paramLabel = "NAME", description = "Only this Application's records.")
    String app;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing records as they are written, until Ctrl-C.")
    boolean follow;

    @Option(
            names = "-n",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many of the latest records to print first (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AuditLine lines = new AuditLine();
        try (AuditTopic topic = new AuditTopic(RunEnvironment.of(spec).kafkaSettings())) {
            AuditTopic.Contents contents = topic.readAll();
            List<JsonNode> mine = contents.records().stream()
                    .filter(this::selected)
                    .sorted(Comparator.comparing(record -> record.path("time").asText()))
                    .toList();
            // every record passes through the line formatter, so commits older than the last N still name their author
            mine.subList(0, Math.max(0, mine.size() - count)).forEach(lines::format);
            Consumer<JsonNode> print = record -> {
                if (selected(record)) {
                    print(out, lines, record);
                }
            };
            mine.subList(Math.max(0, mine.size() - count), mine.size()).forEach(print);
            if (mine.isEmpty() && !follow && output.format() == OutputFormat.TABLE) {
                out.println("No audit records" + (app == null ? "" : " of " + app) + " yet.");
            }
            out.flush();
            if (follow) {
                topic.follow(print);
            }
        }
        return 0;
    }

    private boolean selected(JsonNode record) {
        return app == null || app.equals(record.path("app").asText());
    }

    private void print(PrintWriter out, AuditLine lines, JsonNode record) {
        switch (output.format()) {
            case TABLE -> out.println(lines.format(record));
            case JSON -> out.println(record.toString());
            case YAML -> {
                out.println("---");
                StructuredOutput.print(out, OutputFormat.YAML, record);
            }
        }
        out.flush();
    }
}
