package dev.plumbline.events.application;

import dev.plumbline.events.vocabulary.RendererKind;
import java.util.Objects;

/**
 * Where an Application's desired state lives: the Application's {@code spec.source}.
 *
 * @param repoUrl        the Git repository ({@code spec.source.repoURL})
 * @param targetRevision a branch, a tag or a commit SHA
 * @param path           the folder inside the repository; empty for the root
 * @param renderer       forces a renderer; null lets the renderer choose from what the path holds
 * @param helm           Helm options; null when none are set
 * @param kustomize      Kustomize options; null when none are set
 * @param directory      options for plain manifests; null for the defaults
 */
public record SourceSpec(
        String repoUrl,
        String targetRevision,
        String path,
        RendererKind renderer,
        HelmOptions helm,
        KustomizeOptions kustomize,
        DirectoryOptions directory) {

    public SourceSpec {
        Objects.requireNonNull(repoUrl, "repoUrl");
        targetRevision = targetRevision == null || targetRevision.isBlank() ? "HEAD" : targetRevision;
        path = path == null ? "" : path;
    }

    public static SourceSpec of(String repoUrl, String targetRevision, String path) {
        return new SourceSpec(repoUrl, targetRevision, path, null, null, null, null);
    }
}
