package dev.plumbline.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.app.Applications;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.output.OutputOption;
import dev.plumbline.cli.output.StructuredOutput;
import dev.plumbline.cli.output.Table;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the Projects: the repositories and namespaces each allows, how many Applications name it, and how"
                    + " many refusals its Applications met in the last hour.",
            "Refusals are the audit trail's source-not-permitted, commit-refused and apply-refused records, read from"
                    + " Kafka; without Kafka the column shows ? and the reason is printed on stderr.",
            "-o json|yaml prints the Project resources."
        })
final class ProjectListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunEnvironment environment = RunEnvironment.of(spec);
        List<JsonNode> projects;
        List<JsonNode> apps;
        String namespace;
        try (Projects reader = new Projects(environment);
                Applications applications = new Applications(environment)) {
            projects = reader.list();
            apps = applications.list();
            namespace = reader.namespace();
        }
        if (output.structured()) {
            StructuredOutput.print(out, output.format(), projects);
            return 0;
        }
        if (projects.isEmpty()) {
            out.println("No Projects in namespace " + namespace + ": every Application is refused until an"
                    + " administrator creates its project.");
            out.flush();
            return 0;
        }
        RecentRefusals.Result refusals = RecentRefusals.read(environment, Instant.now());
        Table table = Table.withColumns("name", "sources", "destinations", "apps", "refusals");
        for (JsonNode project : projects) {
            String name = project.path("metadata").path("name").asText();
            Set<String> members = apps.stream()
                    .filter(app -> Projects.projectOf(app).equals(name))
                    .map(app -> app.path("metadata").path("name").asText())
                    .collect(Collectors.toSet());
            table.row(
                    name,
                    ProjectDescription.sources(project.path("spec")),
                    ProjectDescription.destinationNamespaces(project.path("spec")),
                    members.size(),
                    refusals.refusals()
                            .map(recent -> String.valueOf(recent.of(members).size()))
                            .orElse("?"));
        }
        table.print(out);
        if (refusals.unreadable() != null) {
            spec.commandLine().getErr().println("refusals not counted: " + refusals.unreadable());
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}
