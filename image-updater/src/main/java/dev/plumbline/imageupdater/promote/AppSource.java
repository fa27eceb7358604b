package dev.plumbline.imageupdater.promote;

import java.util.Objects;

/**
 * Where an Application's files live: what a promotion edits.
 *
 * @param app            the Application
 * @param repoUrl        the config repository
 * @param targetRevision the branch promotions are based on and merged into
 * @param path           the folder of the app's files in the repository; empty for the root
 */
public record AppSource(String app, String repoUrl, String targetRevision, String path) {

    public AppSource {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(repoUrl, "repoUrl");
        targetRevision = targetRevision == null || targetRevision.isBlank() ? "HEAD" : targetRevision;
        path = path == null ? "" : path;
    }
}
