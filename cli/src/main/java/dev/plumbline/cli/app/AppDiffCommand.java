package dev.plumbline.cli.app;

import static dev.plumbline.cli.app.AppFields.shortRevision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.output.OutputOption;
import dev.plumbline.cli.output.StructuredOutput;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.manifest.FieldDiff;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.vocabulary.ChangeType;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what a sync would change, per object.",
            "The reconciler's latest comparison of Git (desired) with the cluster (live), each changed field as "
                    + "live -> desired. Secret values are masked.",
            "With several reconcilers (RECONCILER_INSTANCES, name=url,name=url as ./plumb up writes it), each is "
                    + "asked in turn until the one holding the app answers.",
            "Exit code: 0 no difference, 1 a difference, 2 an error (as kubectl diff)."
        })
final class AppDiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "NAME", description = "The Application's name.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DiffComputed diff = ReconcilerDiffs.latest(RunEnvironment.of(spec), name, Optional.empty());
        List<ObjectDiff> changes = diff.changes();
        if (output.structured()) {
            StructuredOutput.print(out, output.format(), diff);
        } else {
            changes.forEach(change -> print(out, change));
            out.println(summary(diff, changes));
            out.flush();
        }
        return changes.isEmpty() ? 0 : 1;
    }

    private static void print(PrintWriter out, ObjectDiff change) {
        String target = change.object().kind() + " " + change.object().apiVersion() + " "
                + (change.object().namespace() == null ? "" : change.object().namespace() + "/")
                + change.object().name();
        out.println("--- live   " + (change.change() == ChangeType.CREATE ? "(absent)" : target));
        out.println("+++ Git    " + (change.change() == ChangeType.DELETE ? "(absent: pruned)" : target));
        switch (change.change()) {
            case CREATE -> out.println("+ the whole object (created by a sync)");
            case DELETE -> out.println("- the whole object (deleted by a sync with prune)");
            default -> change.fields().forEach(field -> print(out, field));
        }
        out.println();
    }

    private static void print(PrintWriter out, FieldDiff field) {
        out.println("@@ " + field.path());
        if (present(field.before())) {
            out.println("- " + render(field.before()));
        }
        if (present(field.after())) {
            out.println("+ " + render(field.after()));
        }
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull() && !value.isMissingNode();
    }

    /** Text as text, anything else as compact JSON, so a list or object fits on one line. */
    private static String render(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String summary(DiffComputed diff, List<ObjectDiff> changes) {
        String at = diff.revision() == null ? "" : " at " + shortRevision(diff.revision());
        if (changes.isEmpty()) {
            return diff.app() + ": no difference between Git" + at + " and the cluster ("
                    + diff.objects().size() + " objects)";
        }
        Map<String, Long> counts = changes.stream()
                .collect(Collectors.groupingBy(c -> c.change().label(), TreeMap::new, Collectors.counting()));
        return diff.app() + ": " + changes.size() + " of " + diff.objects().size() + " objects differ from Git" + at
                + " ("
                + counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")) + ")";
    }
}
