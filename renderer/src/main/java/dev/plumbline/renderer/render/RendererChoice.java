package dev.plumbline.renderer.render;

import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.render.kustomize.KustomizationGraph;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which renderer an Application's folder needs: the one the Application forces, or else what the folder holds
 * (a {@code Chart.yaml}: Helm; a kustomization: Kustomize; anything else: plain manifests), as Argo CD decides.
 */
public final class RendererChoice {

    private RendererChoice() {
    }

    public static RendererKind choose(RendererKind forced, Path folder) {
        if (forced != null) {
            return forced;
        }
        if (Files.isRegularFile(folder.resolve("Chart.yaml"))) {
            return RendererKind.HELM;
        }
        if (KustomizationGraph.kustomizationFile(folder) != null) {
            return RendererKind.KUSTOMIZE;
        }
        return RendererKind.PLAIN;
    }
}
