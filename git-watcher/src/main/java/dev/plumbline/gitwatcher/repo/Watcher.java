package dev.plumbline.gitwatcher.repo;

import dev.plumbline.events.git.WatchingApplication;

/**
 * One Application's interest in a repository.
 *
 * @param app            the Application
 * @param repoUrl        the repository URL as this Application spells it; its commit events carry that spelling
 * @param targetRevision a branch, a tag, a full commit SHA or {@code HEAD}
 * @param path           the folder it renders, normalized ({@code ""} for the whole repository)
 */
public record Watcher(String app, String repoUrl, String targetRevision, String path) {

    public Watcher {
        path = PathCoverage.normalize(path);
    }

    public WatchingApplication asWatchingApplication() {
        return new WatchingApplication(app, targetRevision, path);
    }
}
