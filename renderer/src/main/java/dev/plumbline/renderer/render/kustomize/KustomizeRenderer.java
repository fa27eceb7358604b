package dev.plumbline.renderer.render.kustomize;

import dev.plumbline.events.application.KustomizeOptions;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.failure.RenderFailure;
import dev.plumbline.renderer.render.InputSet;
import dev.plumbline.renderer.render.ManifestParser;
import dev.plumbline.renderer.render.RenderRequest;
import dev.plumbline.renderer.render.Renderer;
import dev.plumbline.renderer.render.RendererChoice;
import dev.plumbline.renderer.render.SourceObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A kustomization, built by the kustomize program ({@link KustomizeCommand}). */
public final class KustomizeRenderer implements Renderer {

    private final KustomizeCommand command;

    public KustomizeRenderer(KustomizeCommand command) {
        this.command = command;
    }

    @Override
    public RendererKind kind() {
        return RendererKind.KUSTOMIZE;
    }

    @Override
    public InputSet inputs(RenderRequest request) {
        return InputSet.of(KustomizationGraph.inputsOf(request.tree(), request.appDir()));
    }

    @Override
    public List<SourceObject> render(RenderRequest request) {
        Path kustomizationFile = RendererChoice.kustomizationFile(request.appDir());
        String file = kustomizationFile == null
                ? request.fileInPath("kustomization.yaml")
                : request.tree().repositoryPath(kustomizationFile);
        KustomizeOptions options = request.source().kustomize();
        Path folder = request.appDir();
        if (KustomizeOverlay.needed(options)) {
            Path overlay = request.tree().root().resolve(".plumbline-overlays").resolve(request.app());
            folder = KustomizeOverlay.write(options, request.appDir(), overlay);
        }
        Path output = request.scratch().resolve("kustomize.yaml");
        try {
            command.build(folder, output, request.scratch(), file);
            try (InputStream text = Files.newInputStream(output)) {
                return ManifestParser.parse(text, "the kustomize output of " + request.path(), null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderFailure(RenderFailureReason.TIMEOUT, "kustomize was stopped: the render ran out of time");
        } catch (IOException e) {
            throw new RenderFailure(
                    RenderFailureReason.INTERNAL_ERROR, "cannot read the kustomize output: " + e.getMessage());
        }
    }
}
