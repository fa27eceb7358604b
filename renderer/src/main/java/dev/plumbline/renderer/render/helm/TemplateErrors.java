package dev.plumbline.renderer.render.helm;

import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.failure.RenderFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helm's error messages name templates as {@code chart/templates/x.yaml:12}: turned into the repository file
 * and line, so the failure points where the chart's owner has to look.
 */
final class TemplateErrors {

    private static final Pattern LOCATION = Pattern.compile("([\\w.-]+(?:/[\\w.-]+)*/templates/[\\w./-]+?):(\\d+)");
    private static final Pattern REMOTE = Pattern.compile("(?i)no repository definition|repo .* not found"
            + "|could not find protocol handler|missing in charts/ directory");

    private TemplateErrors() {}

    static RenderFailure failure(String message, String chartPath) {
        // the command-line hint about --debug means nothing to someone reading a render failure
        String text = message == null
                ? "helm failed without a message"
                : message.replace("Use --debug flag to render out invalid YAML", "")
                        .strip();
        if (REMOTE.matcher(text).find()) {
            return new RenderFailure(
                    RenderFailureReason.UNSUPPORTED_SOURCE,
                    "the chart needs a chart repository, "
                            + "which is not supported yet (vendor its dependencies under charts/): " + text);
        }
        Matcher location = LOCATION.matcher(text);
        if (location.find()) {
            String file = repositoryPath(location.group(1), chartPath);
            int line = Integer.parseInt(location.group(2));
            return new RenderFailure(
                    RenderFailureReason.TEMPLATE_ERROR, file + " line " + line + ": " + text, file, line);
        }
        return new RenderFailure(
                RenderFailureReason.TEMPLATE_ERROR,
                "helm template failed for " + chartPath + ": " + text,
                chartPath.isEmpty() ? "Chart.yaml" : chartPath + "/Chart.yaml",
                null);
    }

    /** {@code web/templates/x.yaml} (a path inside the chart named by the chart's name) in the repository. */
    static String repositoryPath(String template, String chartPath) {
        int slash = template.indexOf('/');
        String inChart = slash < 0 ? template : template.substring(slash + 1);
        return chartPath.isEmpty() ? inChart : chartPath + "/" + inChart;
    }
}
