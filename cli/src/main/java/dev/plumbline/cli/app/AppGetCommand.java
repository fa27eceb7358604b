package dev.plumbline.cli.app;

import static dev.plumbline.cli.app.AppFields.shortRevision;
import static dev.plumbline.cli.app.AppFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.output.OutputOption;
import dev.plumbline.cli.output.StructuredOutput;
import dev.plumbline.cli.output.Table;
import dev.plumbline.cli.output.Times;
import dev.plumbline.events.DiffComputed;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
            "Shows one Application, as argocd app get does.",
            "Source, destination, project, sync status and revision, health, drift (changed fields, deleted objects, "
                    + "orphans), self-heal pause, the last sync and who or what started it, what its project refused "
                    + "(the conditions SourceNotPermitted, ResourceNotPermitted, UnsignedCommit, Forbidden, "
                    + "SyncRefused), and its conditions in full.",
            "Read from the Application resource, so it works while the reconciler is down; the objects and their "
                    + "diff state are added when the reconciler answers.",
            "Owner: the reconciler, drift-auditor and notifier instance holding the app's partition, from their "
                    + "Kafka consumer groups (unknown, with the reason, when the bus does not tell). With several "
                    + "reconcilers (RECONCILER_INSTANCES) the objects come from the one holding the app."
        })
final class AppGetCommand implements Callable<Integer> {

    private static final String LABEL = "%-15s%s%n";
    /** The conditions the reconciler sets when something was refused, rather than tried and failed. */
    private static final Set<String> REFUSALS =
            Set.of("SourceNotPermitted", "ResourceNotPermitted", "UnsignedCommit", "Forbidden", "SyncRefused");

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "NAME", description = "The Application's name.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunEnvironment environment = RunEnvironment.of(spec);
        JsonNode app;
        try (Applications applications = new Applications(environment)) {
            app = applications.get(name);
        }
        AppOwners owners = AppOwners.of(environment, name);
        if (output.structured()) {
            ObjectNode shown = app.deepCopy();
            shown.set("owner", owners.toJson());
            StructuredOutput.print(out, output.format(), shown);
            return 0;
        }
        printSummary(out, app);
        // what the project refused belongs with the summary it qualifies; which instances hold the app comes after
        printRefusals(out, app.path("status").path("conditions"));
        out.printf(LABEL, "Owner:", owners.describe());
        printConditions(out, app.path("status").path("conditions"));
        printObjects(out, environment, owners);
        out.flush();
        return 0;
    }

    private void printSummary(PrintWriter out, JsonNode app) {
        JsonNode spec = app.path("spec");
        JsonNode status = app.path("status");
        out.printf(LABEL, "Name:", name);
        out.printf(LABEL, "Namespace:", text(app, "metadata", "namespace"));
        out.printf(LABEL, "Repository:", text(spec, "source", "repoURL"));
        out.printf(LABEL, "Target:", orDefault(text(spec, "source", "targetRevision"), "HEAD"));
        out.printf(LABEL, "Path:", orDefault(text(spec, "source", "path"), "(the repository root)"));
        out.printf(LABEL, "Destination:", "namespace " + text(spec, "destination", "namespace"));
        out.printf(LABEL, "Project:", orDefault(text(spec, "project"), "default"));
        out.printf(LABEL, "Sync policy:", syncPolicy(spec.path("syncPolicy")));
        out.printf(
                LABEL,
                "Sync status:",
                orDefault(text(status, "sync", "status"), "unknown") + revision(text(status, "sync", "revision")));
        String healthMessage = text(status, "health", "message");
        out.printf(
                LABEL,
                "Health:",
                orDefault(text(status, "health", "status"), "unknown")
                        + (healthMessage == null || healthMessage.isBlank() ? "" : " (" + healthMessage + ")"));
        out.printf(LABEL, "Drift:", drift(status.path("drift")));
        out.printf(
                LABEL,
                "Self-heal:",
                SelfHealPause.of(app, Instant.now())
                        .map(SelfHealPause::describe)
                        .orElse("active"));
        out.printf(LABEL, "Last sync:", lastSync(status.path("history").path(0)));
    }

    /**
     * What the project, or the API server acting for its ServiceAccount, refused, right under the summary: these
     * conditions say why nothing is deployed. They are listed again in full with the others.
     */
    private static void printRefusals(PrintWriter out, JsonNode conditions) {
        List<String> refused = new ArrayList<>();
        conditions.forEach(condition -> {
            if (REFUSALS.contains(text(condition, "type")) && "True".equals(text(condition, "status"))) {
                refused.add(text(condition, "type") + ": " + orDefault(text(condition, "message"), ""));
            }
        });
        for (int i = 0; i < refused.size(); i++) {
            out.printf(LABEL, i == 0 ? "Refused:" : "", refused.get(i));
        }
    }

    /** The policy in words; adoptExisting is shown because it lets a sync take over objects Plumbline did not make. */
    static String syncPolicy(JsonNode policy) {
        boolean adopts = policy.path("adoptExisting").asBoolean();
        JsonNode automated = policy.path("automated");
        if (!automated.isObject()) {
            return "manual (differences are reported, nothing is applied)"
                    + (adopts ? "; a sync adopts existing objects" : "");
        }
        List<String> options = new ArrayList<>();
        if (automated.path("prune").asBoolean()) {
            options.add("prune");
        }
        if (automated.path("selfHeal").asBoolean()) {
            options.add("self-heal");
        }
        if (adopts) {
            options.add("adopts existing objects");
        }
        return "automated" + (options.isEmpty() ? "" : " (" + String.join(", ", options) + ")");
    }

    static String drift(JsonNode drift) {
        if (!drift.isObject()) {
            return "none";
        }
        StringBuilder text = new StringBuilder(orDefault(text(drift, "mode"), "drift"))
                .append(": ")
                .append(AppFields.driftCounts(drift, true))
                .append(revision(text(drift, "revision")))
                .append(", detected ")
                .append(Times.toSecond(text(drift, "detectedAt")));
        List<String> managers = new ArrayList<>();
        drift.path("changedBy").forEach(manager -> managers.add(manager.asText()));
        if (!managers.isEmpty()) {
            text.append(", changed by ").append(String.join(", ", managers));
        }
        if (drift.path("healing").asBoolean()) {
            text.append(", healing");
        }
        return text.append(" (episode ")
                .append(text(drift, "episodeId"))
                .append(')')
                .toString();
    }

    /** The last sync and who or what started it: {@code succeeded at ..., manual by ana: 3 applied, 0 pruned}. */
    static String lastSync(JsonNode sync) {
        if (!sync.isObject()) {
            return "none yet";
        }
        String message = AppFields.syncMessage(sync);
        return orDefault(text(sync, "result"), "running") + revision(text(sync, "revision"))
                + " at " + Times.toSecond(orDefault(text(sync, "finishedAt"), text(sync, "startedAt")))
                + ", " + text(sync, "trigger") + " by " + text(sync, "initiatedBy") + ": " + AppFields.syncCounts(sync)
                + (message == null ? "" : " (" + message + ")");
    }

    private static void printConditions(PrintWriter out, JsonNode conditions) {
        out.println();
        if (!conditions.isArray() || conditions.isEmpty()) {
            out.println("Conditions:    none");
            return;
        }
        out.println("Conditions:");
        conditions.forEach(condition -> {
            out.printf(
                    "  %s=%s  %s  (since %s)%n",
                    text(condition, "type"),
                    text(condition, "status"),
                    orDefault(text(condition, "reason"), ""),
                    Times.toSecond(text(condition, "lastTransitionTime")));
            String message = text(condition, "message");
            if (message != null && !message.isBlank()) {
                out.println("    " + message);
            }
        });
    }

    private void printObjects(PrintWriter out, RunEnvironment environment, AppOwners owners) {
        out.println();
        DiffComputed diff;
        try {
            diff = ReconcilerDiffs.latest(environment, name, owners.reconciler());
        } catch (CommandFailedException unavailable) {
            out.println("Objects:       not shown: " + unavailable.getMessage());
            return;
        }
        out.println("Objects, as last compared" + revision(diff.revision()) + ":");
        Table table = Table.withColumns("kind", "namespace", "name", "state", "health");
        diff.objects()
                .forEach(object -> table.row(
                        object.object().kind(),
                        object.object().namespace(),
                        object.object().name(),
                        object.change().label(),
                        object.health().label()));
        table.print(out);
    }

    private static String revision(String revision) {
        return revision == null ? "" : " (" + shortRevision(revision) + ")";
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
