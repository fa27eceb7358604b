package dev.plumbline.events.vocabulary;

/** Why a render failed, in words a metric can count; the event's message says what to do about it. */
public enum RenderFailureReason implements Term {
    /** The artifact could not be downloaded from the git-watcher. */
    ARTIFACT_UNAVAILABLE,
    /** The commit event naming the artifact is not signed by a trusted git-watcher key: nothing was downloaded. */
    COMMIT_UNTRUSTED,
    /** The downloaded artifact's sha256 differs from the one in the commit event. */
    ARTIFACT_DIGEST_MISMATCH,
    /** The Application's path does not exist at that revision. */
    PATH_NOT_FOUND,
    /** A symlink or a path that leads outside the repository. */
    UNSAFE_PATH,
    /**
     * A symlink of the commit whose real path leads outside the repository, even when its text does not (a chain
     * such as {@code d -> .} then {@code d/d/../../..}): nothing that reads it renders.
     */
    SYMLINK_OUT_OF_TREE,
    /** A file is not valid YAML or JSON, or a document is not a Kubernetes object. */
    INVALID_MANIFEST,
    /** Two objects share one identity. */
    DUPLICATE_OBJECT,
    /** An object has no name (for example only {@code generateName}). */
    MISSING_NAME,
    /** Helm failed to template the chart. */
    TEMPLATE_ERROR,
    /** kustomize failed (a missing base, a bad patch, …). */
    KUSTOMIZE_ERROR,
    /** Something Plumbline does not support yet, such as a chart from a remote chart repository. */
    UNSUPPORTED_SOURCE,
    /** The kustomize binary (or kubectl) is not installed where the renderer runs. */
    TOOL_MISSING,
    /** The render ran past its time limit and was stopped (its kustomize or Helm worker process killed). */
    TIMEOUT,
    /** The render is larger than the renderer accepts for one Application ({@code plumbline.render.max-bytes}). */
    RENDER_TOO_LARGE,
    /** The Helm worker process templating the chart died: killed past its memory limit, out of heap, crashed. */
    RENDER_WORKER_DIED,
    /** A fault of the renderer itself. */
    INTERNAL_ERROR
}
