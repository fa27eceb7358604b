package dev.plumbline.deploy;

import dev.plumbline.renderer.failure.RenderFailure;
import dev.plumbline.renderer.render.kustomize.KustomizeCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds a kustomization through the renderer's own Kustomize path ({@link KustomizeCommand}, with the renderer's
 * default candidates: {@code kustomize build}, then {@code kubectl kustomize}), so deploy/ renders as an Application
 * of it would. Tests that need it are skipped, saying why, where neither program is installed.
 */
final class Kustomize {

    /** The renderer's default, plumbline.render.kustomize.commands. */
    private static final List<String> CANDIDATES = List.of("kustomize build", "kubectl kustomize");

    private static final KustomizeCommand COMMAND =
            new KustomizeCommand(CANDIDATES, System.getenv().getOrDefault("PATH", ""));
    private static final Map<Path, String> BUILT = new ConcurrentHashMap<>();

    private Kustomize() {}

    /** The objects the kustomization in {@code folder} makes, as one YAML stream (built once per run). */
    static String build(Path folder) {
        Assumptions.assumeTrue(
                COMMAND.command().isPresent(),
                "neither kustomize nor kubectl is on the PATH: install one to render deploy/ (skipped)");
        return BUILT.computeIfAbsent(folder.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static String run(Path folder) {
        try {
            Path scratch = Files.createTempDirectory("plumbline-deploy-kustomize");
            Path output = scratch.resolve("objects.yaml");
            COMMAND.build(folder, output, scratch, Repo.root().relativize(folder) + "/kustomization.yaml");
            String objects = Files.readString(output, StandardCharsets.UTF_8);
            try (var files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
            return objects;
        } catch (RenderFailure e) {
            throw new AssertionError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
