package dev.plumbline.gitwatcher.repo;

import dev.plumbline.gitwatcher.signature.SigningRule;
import java.util.List;
import java.util.Objects;

/**
 * One Application's interest in a repository: the git-watcher's form of the events'
 * {@link dev.plumbline.events.git.WatchingApplication}, with the URL as this Application spells it and what its
 * project asks of the commits it deploys.
 *
 * @param app            the Application
 * @param repoUrl        the repository URL as this Application spells it; its commit events carry that spelling
 * @param targetRevision a branch, a tag, a full commit SHA or {@code HEAD}
 * @param path           the folder it renders, normalized ({@code ""} for the whole repository)
 * @param project        the name of its project
 * @param signatureKeys  the public keys its project requires commits to be signed with; empty: none required
 */
public record WatchingApplication(
        String app, String repoUrl, String targetRevision, String path, String project, List<String> signatureKeys) {

    public WatchingApplication {
        path = PathCoverage.normalize(path);
        Objects.requireNonNull(project, "project");
        signatureKeys = signatureKeys == null ? List.of() : List.copyOf(signatureKeys);
    }

    /** What its project asks of the commits it deploys. */
    public SigningRule signingRule() {
        return new SigningRule(app, project, signatureKeys);
    }

    /** As commit-ignored events name it: the repository is the event's own. */
    public dev.plumbline.events.git.WatchingApplication withoutRepoUrl() {
        return new dev.plumbline.events.git.WatchingApplication(app, targetRevision, path);
    }
}
