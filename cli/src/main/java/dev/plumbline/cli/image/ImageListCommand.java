package dev.plumbline.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.output.OutputOption;
import dev.plumbline.cli.output.StructuredOutput;
import dev.plumbline.cli.output.Table;
import dev.plumbline.cli.output.Times;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the images the image-updater watches: per Application and image repository, the policy "
                    + "(spec.images), the reference the config repository holds, the newest image the policy "
                    + "chooses, its open pull request, and the state of the last check (a registry that fails is "
                    + "retried with backoff; STATUS says when next).",
            "From the image-updater (IMAGE_UPDATER_URL). -o json|yaml prints its whole answer."
        })
final class ImageListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode images = new ImageUpdater(RunEnvironment.of(spec)).images();
        if (output.structured()) {
            StructuredOutput.print(out, output.format(), images);
            return 0;
        }
        if (images.isEmpty()) {
            out.println("No Application has an images: policy; the image-updater watches none.");
            out.flush();
            return 0;
        }
        Table table = Table.withColumns("app", "repository", "policy", "in git", "newest", "pull request", "status");
        for (JsonNode image : images) {
            table.row(
                    text(image, "app"),
                    text(image, "repository"),
                    text(image, "policy"),
                    text(image, "current"),
                    text(image, "chosen"),
                    text(image.path("open"), "pullRequestUrl"),
                    status(image));
        }
        table.print(out);
        return 0;
    }

    /** The last check's outcome: its error and the next attempt when it failed, else when it last succeeded. */
    private static String status(JsonNode image) {
        String error = text(image, "lastError");
        if (error != null) {
            String next = text(image, "nextAttempt");
            return error + (next == null ? "" : " (next attempt " + Times.toSecond(next) + ")");
        }
        String checked = text(image, "lastCheck");
        return checked == null ? "not checked yet" : "checked " + Times.toSecond(checked);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
