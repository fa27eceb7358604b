package dev.plumbline.renderer.render.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.artifact.RepositoryTree;
import dev.plumbline.renderer.failure.RenderFailure;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a chart reads from the repository: its folder, the value files the Application names (which may live
 * outside it), and its local dependencies ({@code file://} repositories, followed to their own dependencies).
 * Dependencies from chart repositories must be vendored under {@code charts/}: the renderer fetches nothing.
 *
 * @param paths      every repository path read
 * @param valueFiles the value files, in the order the Application names them
 * @param localDeps  {@code file://} dependencies of the chart itself that are not in its {@code charts/} yet, by name
 */
public record ChartInputs(Set<String> paths, List<Path> valueFiles, Map<String, Path> localDeps) {

    private static final YAMLMapper YAML = new YAMLMapper();

    /**
     * @param valueFiles value files as the Application names them, relative to the chart folder
     */
    public static ChartInputs of(RepositoryTree tree, Path chart, List<String> valueFiles) {
        Set<String> paths = new TreeSet<>();
        paths.add(tree.repositoryPath(chart));
        List<Path> values = valueFiles.stream()
                .map(file -> {
                    Path resolved = tree.resolve(chart, file, tree.repositoryPath(chart) + "/Chart.yaml");
                    if (!Files.isRegularFile(resolved)) {
                        throw new RenderFailure(
                                RenderFailureReason.PATH_NOT_FOUND,
                                "the value file " + file
                                        + " the Application names does not exist at this revision (looked for "
                                        + tree.repositoryPath(resolved) + ")",
                                tree.repositoryPath(resolved),
                                null);
                    }
                    paths.add(tree.repositoryPath(resolved));
                    return resolved;
                })
                .toList();
        Map<String, Path> localDeps = new LinkedHashMap<>();
        follow(tree, chart, paths, localDeps, true);
        return new ChartInputs(paths, values, localDeps);
    }

    private static void follow(
            RepositoryTree tree, Path chart, Set<String> paths, Map<String, Path> localDeps, boolean top) {
        String chartFile = tree.repositoryPath(chart.resolve("Chart.yaml"));
        for (JsonNode dependency : dependencies(chart, chartFile)) {
            String name = dependency.path("name").asText();
            String repository = dependency.path("repository").asText("");
            if (repository.startsWith("file://")) {
                Path local = tree.resolve(chart, repository.substring("file://".length()), chartFile);
                if (!Files.isRegularFile(local.resolve("Chart.yaml"))) {
                    throw new RenderFailure(
                            RenderFailureReason.TEMPLATE_ERROR,
                            chartFile + ": dependency " + name + " at " + repository
                                    + " is not a chart folder at this revision",
                            chartFile,
                            null);
                }
                if (paths.add(tree.repositoryPath(local))) {
                    follow(tree, local, paths, localDeps, false);
                }
                if (top && !vendored(chart, name)) {
                    localDeps.put(name, local);
                }
            } else if (!vendored(chart, name)) {
                throw new RenderFailure(
                        RenderFailureReason.UNSUPPORTED_SOURCE,
                        chartFile + ": dependency " + name
                                + (repository.isEmpty() ? "" : " from " + repository)
                                + " is not under charts/; charts from a "
                                + "chart repository are not supported yet: the renderer fetches nothing and holds no "
                                + "credentials. Vendor it (helm dependency build) and commit charts/",
                        chartFile,
                        null);
            }
        }
    }

    /** Dependencies as Chart.yaml (apiVersion v2) or requirements.yaml (v1) declare them. */
    private static Iterable<JsonNode> dependencies(Path chart, String chartFile) {
        JsonNode declared = read(chart.resolve("Chart.yaml"), chartFile).path("dependencies");
        Path requirements = chart.resolve("requirements.yaml");
        if (declared.isMissingNode() && Files.isRegularFile(requirements)) {
            declared = read(requirements, chartFile).path("dependencies");
        }
        return declared;
    }

    /** Whether charts/ holds the dependency, as a folder or as a packaged {@code name-version.tgz}. */
    private static boolean vendored(Path chart, String name) {
        Path charts = chart.resolve("charts");
        if (Files.isRegularFile(charts.resolve(name).resolve("Chart.yaml"))) {
            return true;
        }
        if (!Files.isDirectory(charts)) {
            return false;
        }
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(charts, name + "-*.tgz")) {
            return archives.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode read(Path file, String name) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new RenderFailure(
                    RenderFailureReason.TEMPLATE_ERROR,
                    name + ": not readable YAML: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    name,
                    null);
        }
    }
}
