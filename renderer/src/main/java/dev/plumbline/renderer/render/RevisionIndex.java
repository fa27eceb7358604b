package dev.plumbline.renderer.render;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.application.SourceSpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The latest commit event of each repository and ref this instance is responsible for, so that a new or changed
 * Application renders at once from the revision its ref points at, without waiting for the next push.
 */
public final class RevisionIndex {

    private final Map<String, CommitDetected> latest = new ConcurrentHashMap<>();

    /** Records a commit event; a deleted ref is forgotten. */
    public void record(CommitDetected commit) {
        String key = key(commit.repoUrl(), commit.ref());
        if (commit.after() == null || commit.artifact() == null) {
            latest.remove(key);
        } else {
            latest.put(key, commit);
        }
    }

    /** The latest commit event of the repository and ref an Application's source watches. */
    public Optional<CommitDetected> latestFor(SourceSpec source) {
        return latest.values().stream()
                .filter(commit -> SourceMatch.watches(source, commit.repoUrl(), commit.ref()))
                .findFirst();
    }

    /** Forgets the repositories whose commit events another instance now handles. */
    public void forgetRepositories(Predicate<String> repoUrl) {
        latest.values().removeIf(commit -> repoUrl.test(commit.repoUrl()));
    }

    private static String key(String repoUrl, String ref) {
        return SourceMatch.normalize(repoUrl) + " " + ref;
    }
}
