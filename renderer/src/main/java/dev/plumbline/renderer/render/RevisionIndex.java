package dev.plumbline.renderer.render;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The latest commit event of each repository and ref this instance is responsible for, so that a new or changed
 * Application renders at once from the revision its ref points at, without waiting for the next push. Only commit
 * events the git-watcher signed are kept: an artifact is downloaded only from a URL such an event names.
 */
public final class RevisionIndex {

    private final Map<String, CommitDetected> latest = new ConcurrentHashMap<>();
    private final TrustedKeys gitWatcherKeys;

    /** @param gitWatcherKeys the public keys the git-watcher signs commit events with */
    public RevisionIndex(TrustedKeys gitWatcherKeys) {
        this.gitWatcherKeys = gitWatcherKeys;
    }

    /**
     * Records a commit event that verifies; a deleted ref is forgotten. One that does not verify changes nothing.
     *
     * @return whether the event verified, and if not, why
     */
    public SignatureCheck record(CommitDetected commit) {
        SignatureCheck check = commit.verify(gitWatcherKeys);
        if (!check.trusted()) {
            return check;
        }
        String key = key(commit.repoUrl(), commit.ref());
        if (commit.after() == null || commit.artifact() == null) {
            latest.remove(key);
        } else {
            latest.put(key, commit);
        }
        return check;
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
