package dev.plumbline.cli.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.HoldingInstance;
import dev.plumbline.cli.connect.PlumblineServiceUrl;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.connect.ServiceClient;
import dev.plumbline.cli.image.ImageUpdater;
import dev.plumbline.cli.output.OutputOption;
import dev.plumbline.cli.output.StructuredOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Exports an app's drift as a change for Git, to keep an emergency change.",
            "Committing it makes Git match the live cluster.",
            "A plain-YAML app gives a unified diff of its files (as git diff prints it; '#' lines say what it cannot "
                    + "carry, such as masked Secret values); a Kustomize or Helm app gives each drifted field with "
                    + "its live value, to set in its overlay, templates or values.",
            "With --to DIR (a working copy of the config repository), the diff is applied to its files: review "
                    + "with git diff, then commit and push. From the drift-auditor holding the app (DRIFT_AUDITOR_URL; with several, each of DRIFT_AUDITOR_INSTANCES in turn).",
            "With --pr (plain-YAML apps), the image-updater (IMAGE_UPDATER_URL) commits the diff on a branch "
                    + "plumbline/drift/<app>/<time> and opens a pull request for review; prints its URL. Needs a "
                    + "promote token in PLUMBLINE_PROMOTE_TOKEN whose apps include NAME."
        })
final class DriftExportCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "NAME", description = "The Application's name.")
    String name;

    @Option(
            names = "--to",
            paramLabel = "DIR",
            description = "A working copy of the config repository to write the " + "change into (plain-YAML apps).")
    Path workingCopy;

    @Option(names = "--pr", description = "Open a pull request with the change (plain-YAML apps).")
    boolean pullRequest;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (pullRequest && (workingCopy != null || output.structured())) {
            throw new CommandFailedException("--pr opens a pull request itself: give it without --to and -o");
        }
        RunEnvironment environment = RunEnvironment.of(spec);
        String path = "/api/apps/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/drift/patch";
        if (output.structured()) {
            StructuredOutput.print(
                    out, output.format(), tree(fetch(environment, path + "?format=json", "application/json")));
            return 0;
        }
        ServiceClient.Answer answer = fetch(environment, path, "text/x-diff, application/json");
        String body = answer.body();
        boolean diff = !body.stripLeading().startsWith("{");
        if (workingCopy != null || pullRequest) {
            if (!diff) {
                throw new CommandFailedException(name + " is not a plain-YAML app, so its drift cannot be written "
                        + "into files: " + describeFields(tree(answer)));
            }
            return pullRequest ? openPullRequest(out, body) : writeInto(out, body);
        }
        if (diff) {
            out.print(body);
            if (!body.contains("diff --git")) {
                spec.commandLine().getErr().println("no drift to export: the live objects of " + name + " match Git");
            }
        } else {
            out.println(describeFields(tree(answer)));
        }
        out.flush();
        return 0;
    }

    private int writeInto(PrintWriter out, String patch) {
        if (!patch.contains("diff --git")) {
            out.println("No drift to export: the live objects of " + name + " match Git; " + workingCopy
                    + " is left as it is.");
            out.flush();
            return 0;
        }
        PatchIntoWorkingCopy.Result result = PatchIntoWorkingCopy.apply(workingCopy, patch);
        result.notes().forEach(note -> out.println("note: " + note));
        out.println("Wrote the live state of " + name + " into " + String.join(", ", result.files()) + " under "
                + result.workTree() + ".");
        out.println("Review it with 'git diff', then commit and push: Plumbline then finds Git and the cluster equal.");
        out.flush();
        return 0;
    }

    private int openPullRequest(PrintWriter out, String patch) {
        if (!patch.contains("diff --git")) {
            out.println("No drift to export: the live objects of " + name + " match Git; no pull request opened.");
            out.flush();
            return 0;
        }
        ImageUpdater.Change change = new ImageUpdater(RunEnvironment.of(spec)).exportDrift(name, patch);
        out.println(change.outcome());
        out.flush();
        return 0;
    }

    /** From the drift-auditor holding the app: with several (DRIFT_AUDITOR_INSTANCES), each in turn. */
    private ServiceClient.Answer fetch(RunEnvironment environment, String path, String accept) {
        ServiceClient.Answer answer = HoldingInstance.call(
                environment, PlumblineServiceUrl.DRIFT_AUDITOR, Optional.empty(), path, accept, "the drift of " + name);
        answer.successfulBody();
        return answer;
    }

    private static JsonNode tree(ServiceClient.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new CommandFailedException(
                    "the drift-auditor's answer from " + answer.uri() + " is not JSON: " + e.getMessage());
        }
    }

    /** For a Kustomize or Helm app: one line per drifted field with its live value, and the notes. */
    private String describeFields(JsonNode patch) {
        StringBuilder text = new StringBuilder();
        for (JsonNode object : patch.path("objects")) {
            JsonNode id = object.path("object");
            text.append(id.path("kind").asText())
                    .append(' ')
                    .append(id.hasNonNull("namespace") ? id.path("namespace").asText() + "/" : "")
                    .append(id.path("name").asText())
                    .append(" (")
                    .append(object.path("kind").asText())
                    .append(")\n");
            for (JsonNode field : object.path("fields")) {
                text.append("  ")
                        .append(field.path("path").asText())
                        .append(": live ")
                        .append(field.path("live"))
                        .append(", Git ")
                        .append(field.path("desired"))
                        .append('\n');
            }
        }
        patch.path("notes")
                .forEach(note -> text.append("# ").append(note.asText()).append('\n'));
        return text.length() == 0
                ? "no drift to export: the live objects of " + name + " match Git"
                : text.toString().stripTrailing();
    }
}
