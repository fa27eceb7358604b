package dev.plumbline.renderer.render.helm;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Answers {@code .Capabilities.APIVersions} from a given list. helm-java's template command has no
 * {@code --api-versions} option, so the copy of the chart being templated gets the list written into its
 * templates instead: {@code <ctx>.Capabilities.APIVersions.Has X} becomes {@code hasKey (dict …) X}, and any other
 * use of {@code <ctx>.Capabilities.APIVersions} becomes {@code (list …)}. {@code <ctx>} is the context the
 * template reaches it through: {@code .}, {@code $}, {@code $root.} or a field chain such as {@code .context.}.
 * Templates of subcharts vendored as folders are rewritten too; those packaged as {@code .tgz} are not.
 */
final class ApiVersionsRewrite {

    private static final String CONTEXT = "(?:\\$\\w*)?(?:\\.\\w+)*\\.Capabilities\\.APIVersions";
    private static final Pattern HAS = Pattern.compile(CONTEXT + "\\.Has\\b");
    private static final Pattern LIST = Pattern.compile(CONTEXT + "\\b(?!\\.)");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String MARK = "Capabilities.APIVersions";

    private ApiVersionsRewrite() {}

    /** Whether a template of the chart or of its local dependencies asks for the API versions at all. */
    static boolean asked(Path chart, Collection<Path> localDeps) {
        return Stream.concat(Stream.of(chart), localDeps.stream()).anyMatch(ApiVersionsRewrite::asks);
    }

    private static boolean asks(Path chart) {
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path file : templates(chart, files)) {
                if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(MARK)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> templates(Path chart, Stream<Path> files) {
        return files.filter(Files::isRegularFile)
                .filter(file -> isTemplate(chart.relativize(file)))
                .toList();
    }

    /** Rewrites every template under the chart folder (a copy: it is changed in place). */
    static void apply(Path chart, Collection<String> apiVersions) {
        String quoted = apiVersions.stream().map(ApiVersionsRewrite::quote).collect(Collectors.joining(" "));
        String has = "hasKey (dict "
                + apiVersions.stream().map(version -> quote(version) + " true").collect(Collectors.joining(" ")) + ")";
        String list = "(list " + quoted + ")";
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path file : templates(chart, files)) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                if (text.contains(MARK)) {
                    String rewritten = replace(LIST, replace(HAS, text, has), list);
                    Files.writeString(file, rewritten, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file, as a path inside the chart, lies under a {@code templates/} folder of it or of a subchart. */
    private static boolean isTemplate(Path inChart) {
        for (int i = 0; i < inChart.getNameCount() - 1; i++) {
            if (inChart.getName(i).toString().equals("templates")) {
                return true;
            }
        }
        return false;
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The API versions Helm itself answers with, from the output of a chart printing them as a JSON list into
     * {@code data.apiVersions} of its one ConfigMap.
     */
    static List<String> parseProbe(String output) {
        try {
            String json = YAML.readTree(output).path("data").path("apiVersions").asText();
            return List.of(YAML.readValue(json, String[].class));
        } catch (IOException e) {
            throw new IllegalStateException("helm printed no list of API versions: " + output, e);
        }
    }
}
