package dev.plumbline.renderer.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.artifact.RepositoryTree;
import dev.plumbline.renderer.failure.RenderFailure;
import dev.plumbline.renderer.render.RendererChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Follows a kustomization and everything it names (resources, bases, components, patches, generator files,
 * replacements, CRDs, configurations) to the set of repository paths it reads, before kustomize runs. That is how a
 * commit to a shared base reaches every overlay built on it. On the way it refuses what kustomize would otherwise
 * fetch or read from outside the repository: remote bases and paths that escape.
 */
public final class KustomizationGraph {

    private static final ObjectMapper YAML = new YAMLMapper();
    /** What kustomize takes for a remote target: a URL, an scp-like Git address, or a host name with a path. */
    private static final Pattern REMOTE = Pattern.compile(
            "^([a-z][a-z0-9+.-]*://.*|git@.*|[a-z0-9-]+(\\.[a-z0-9-]+)+/.*|.*\\?ref=.*)$", Pattern.CASE_INSENSITIVE);

    private static final List<String> LISTED_PATHS = List.of(
            "resources",
            "bases",
            "components",
            "crds",
            "configurations",
            "generators",
            "transformers",
            "validators",
            "patchesStrategicMerge");

    private final RepositoryTree tree;
    private final Set<String> inputs = new TreeSet<>();
    private final Set<Path> visited = new HashSet<>();
    private final Deque<Path> pending = new ArrayDeque<>();

    private KustomizationGraph(RepositoryTree tree) {
        this.tree = tree;
    }

    /** Every repository path the kustomization in {@code folder} reads, the folder itself included. */
    public static Set<String> inputsOf(RepositoryTree tree, Path folder) {
        KustomizationGraph graph = new KustomizationGraph(tree);
        graph.pending.add(folder);
        while (!graph.pending.isEmpty()) {
            graph.visit(graph.pending.poll());
        }
        return graph.inputs;
    }

    private void visit(Path folder) {
        if (!visited.add(folder)) {
            return;
        }
        inputs.add(tree.repositoryPath(folder));
        Path file = RendererChoice.kustomizationFile(folder);
        if (file == null) {
            return;
        }
        String name = tree.repositoryPath(file);
        JsonNode kustomization = read(file, name);
        for (String field : LISTED_PATHS) {
            for (JsonNode entry : kustomization.path(field)) {
                if (entry.isTextual()) {
                    reference(
                            folder,
                            entry.asText(),
                            name,
                            field,
                            field.equals("resources") || field.equals("bases") || field.equals("components"));
                }
            }
        }
        for (String field : List.of("patches", "patchesJson6902", "replacements")) {
            for (JsonNode entry : kustomization.path(field)) {
                if (entry.path("path").isTextual()) {
                    reference(folder, entry.get("path").asText(), name, field, false);
                }
            }
        }
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            for (JsonNode generator : kustomization.path(field)) {
                generator
                        .path("files")
                        .forEach(entry -> reference(folder, afterKey(entry.asText()), name, field, false));
                generator.path("envs").forEach(entry -> reference(folder, entry.asText(), name, field, false));
                if (generator.path("env").isTextual()) {
                    reference(folder, generator.get("env").asText(), name, field, false);
                }
            }
        }
        if (kustomization.path("openapi").path("path").isTextual()) {
            reference(folder, kustomization.path("openapi").path("path").asText(), name, "openapi", false);
        }
        if (kustomization.path("helmGlobals").path("chartHome").isTextual()) {
            reference(
                    folder, kustomization.path("helmGlobals").path("chartHome").asText(), name, "helmGlobals", false);
        }
    }

    /**
     * @param required whether kustomize fails without it; missing optional files are left to kustomize to report
     */
    private void reference(Path folder, String reference, String kustomizationFile, String field, boolean required) {
        if (reference.isBlank() || reference.contains("\n")) {
            return; // an inline patch or generator, not a path
        }
        Path local = folder.resolve(reference).normalize();
        boolean existsLocally = local.startsWith(tree.root()) && Files.exists(local);
        if (!existsLocally && REMOTE.matcher(reference).matches()) {
            throw new RenderFailure(
                    RenderFailureReason.UNSUPPORTED_SOURCE,
                    kustomizationFile + " names the remote "
                            + field + " entry " + reference
                            + "; the renderer reads nothing but the commit's own files and "
                            + "holds no credentials: copy it into the repository (or a base folder of it) instead",
                    kustomizationFile,
                    null);
        }
        Path resolved = tree.resolve(folder, reference, kustomizationFile);
        if (!Files.exists(resolved)) {
            if (required) {
                throw new RenderFailure(
                        RenderFailureReason.KUSTOMIZE_ERROR,
                        kustomizationFile + ": " + field
                                + " entry " + reference
                                + " does not exist in the repository at this revision (looked for "
                                + tree.repositoryPath(resolved) + ")",
                        kustomizationFile,
                        null);
            }
            return;
        }
        if (Files.isDirectory(resolved)) {
            pending.add(resolved);
        } else {
            inputs.add(tree.repositoryPath(resolved));
        }
    }

    /** A generator's {@code files} entry may be {@code key=path}. */
    private static String afterKey(String entry) {
        int equals = entry.indexOf('=');
        return equals < 0 ? entry : entry.substring(equals + 1);
    }

    private static JsonNode read(Path file, String name) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new RenderFailure(
                    RenderFailureReason.KUSTOMIZE_ERROR,
                    name + ": not a readable kustomization: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    name,
                    null);
        }
    }
}
