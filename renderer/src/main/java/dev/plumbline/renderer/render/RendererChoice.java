package dev.plumbline.renderer.render;

import dev.plumbline.events.vocabulary.RendererKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which renderer an Application's folder needs: the one the Application forces, or else what the folder holds
 * (a {@code Chart.yaml}: Helm; a kustomization: Kustomize; anything else: plain manifests), as Argo CD decides.
 */
public final class RendererChoice {

    /** The names kustomize accepts for a folder's kustomization, in the order it looks for them. */
    private static final List<String> KUSTOMIZATION_FILE_NAMES =
            List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private RendererChoice() {}

    public static RendererKind choose(RendererKind forced, Path folder) {
        if (forced != null) {
            return forced;
        }
        if (Files.isRegularFile(folder.resolve("Chart.yaml"))) {
            return RendererKind.HELM;
        }
        if (kustomizationFile(folder) != null) {
            return RendererKind.KUSTOMIZE;
        }
        return RendererKind.PLAIN;
    }

    /** The kustomization file of a folder; null when it has none. */
    public static Path kustomizationFile(Path folder) {
        for (String name : KUSTOMIZATION_FILE_NAMES) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }
}
