package dev.plumbline.gitwatcher.repo;

/**
 * One Application's interest in a repository: the git-watcher's form of the events'
 * {@link dev.plumbline.events.git.WatchingApplication}, with the URL as this Application spells it.
 *
 * @param app            the Application
 * @param repoUrl        the repository URL as this Application spells it; its commit events carry that spelling
 * @param targetRevision a branch, a tag, a full commit SHA or {@code HEAD}
 * @param path           the folder it renders, normalized ({@code ""} for the whole repository)
 */
public record WatchingApplication(String app, String repoUrl, String targetRevision, String path) {

    public WatchingApplication {
        path = PathCoverage.normalize(path);
    }

    /** As commit-ignored events name it: the repository is the event's own. */
    public dev.plumbline.events.git.WatchingApplication withoutRepoUrl() {
        return new dev.plumbline.events.git.WatchingApplication(app, targetRevision, path);
    }
}
