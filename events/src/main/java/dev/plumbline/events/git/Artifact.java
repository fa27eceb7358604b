package dev.plumbline.events.git;

import java.util.Objects;

/**
 * The tree of a fetched commit as the git-watcher serves it: an immutable tarball. The renderer downloads it and
 * refuses it unless its sha256 matches.
 *
 * @param url    where the git-watcher serves it
 * @param sha256 the lowercase hex sha256 of the tarball's bytes
 */
public record Artifact(String url, String sha256) {

    public Artifact {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
    }
}
