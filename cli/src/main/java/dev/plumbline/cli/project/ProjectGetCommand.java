package dev.plumbline.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.cli.app.Applications;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.output.OutputOption;
import dev.plumbline.cli.output.StructuredOutput;
import dev.plumbline.cli.output.Table;
import dev.plumbline.cli.output.Times;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what one Project allows, in words: the repositories its Applications may deploy from, the"
                    + " namespaces they may deploy into and as which ServiceAccount, the cluster-scoped and namespaced"
                    + " kinds they may manage, and the keys that must have signed a commit before it is deployed.",
            "Then the Applications that name it, and what was refused to them in the last hour (the audit trail's"
                    + " source-not-permitted, commit-refused and apply-refused records, read from Kafka).",
            "-o json|yaml prints {project: the resource, applications: names, refusalsLastHour: the records}."
        })
final class ProjectGetCommand implements Callable<Integer> {

    private static final String LABEL = "%-18s%s%n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "NAME", description = "The Project's name.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunEnvironment environment = RunEnvironment.of(spec);
        JsonNode project;
        Set<String> apps = new TreeSet<>();
        try (Projects projects = new Projects(environment);
                Applications applications = new Applications(environment)) {
            project = projects.get(name);
            applications.list().stream()
                    .filter(app -> Projects.projectOf(app).equals(name))
                    .forEach(app -> apps.add(app.path("metadata").path("name").asText()));
        }
        RecentRefusals.Result recent = RecentRefusals.read(environment, Instant.now());
        List<RecentRefusals.Refusal> refusals =
                recent.refusals().map(all -> all.of(apps)).orElse(List.of());
        if (output.structured()) {
            ObjectNode shown = JSON.createObjectNode();
            shown.set("project", project);
            shown.set("applications", JSON.valueToTree(apps));
            shown.set(
                    "refusalsLastHour",
                    JSON.valueToTree(refusals.stream()
                            .map(RecentRefusals.Refusal::record)
                            .toList()));
            StructuredOutput.print(out, output.format(), shown);
            return 0;
        }
        printAllowed(out, project);
        out.println();
        out.printf(LABEL, "Applications:", apps.isEmpty() ? "none" : String.join(", ", apps));
        out.println();
        printRefusals(out, recent, refusals);
        out.flush();
        return 0;
    }

    private void printAllowed(PrintWriter out, JsonNode project) {
        JsonNode projectSpec = project.path("spec");
        out.printf(LABEL, "Name:", name);
        out.printf(
                LABEL, "Namespace:", project.path("metadata").path("namespace").asText());
        String description = projectSpec.path("description").asText("");
        if (!description.isBlank()) {
            out.printf(LABEL, "Description:", description);
        }
        out.printf(LABEL, "Sources:", ProjectDescription.sources(projectSpec));
        printLines(out, "Destinations:", ProjectDescription.destinations(projectSpec));
        out.printf(LABEL, "Cluster kinds:", ProjectDescription.clusterKinds(projectSpec));
        out.printf(LABEL, "Namespaced kinds:", ProjectDescription.namespacedKinds(projectSpec));
        printLines(out, "Signed commits:", ProjectDescription.signatureKeys(projectSpec));
    }

    private static void printLines(PrintWriter out, String label, List<String> lines) {
        out.printf(LABEL, label, lines.get(0));
        lines.subList(1, lines.size()).forEach(line -> out.printf(LABEL, "", "  " + line));
    }

    private static void printRefusals(
            PrintWriter out, RecentRefusals.Result recent, List<RecentRefusals.Refusal> refusals) {
        if (recent.unreadable() != null) {
            out.println("Refusals:         not shown: " + recent.unreadable());
            return;
        }
        if (refusals.isEmpty()) {
            out.println("Refusals:         none in the last hour");
            return;
        }
        out.println("Refusals in the last hour: " + refusals.size());
        Table table = Table.withColumns("time", "app", "action", "why");
        refusals.forEach(refusal -> table.row(
                Times.toSecond(refusal.time().toString()), refusal.app(), refusal.action(), refusal.summary()));
        table.print(out);
    }
}
