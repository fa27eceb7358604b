package dev.plumbline.reconciler.ignored;

import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.git.WatchingApplication;
import dev.plumbline.reconciler.application.ApplicationStatusModel.Condition;
import dev.plumbline.reconciler.status.ConditionType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Why a commit deployed nothing for one Application, for its {@code CommitIgnored} condition: the git-watcher's
 * explanation word for word, and whether the commit missed the Application's branch or only its path.
 *
 * @param reason  {@value #REF_NOT_WATCHED} or {@value #PATH_NOT_WATCHED}
 * @param message the explanation of the {@link CommitIgnored} event
 * @param since   when the commit was ignored; a render made later ends the condition
 */
public record IgnoredCommit(String reason, String message, Instant since) {

    public static final String REF_NOT_WATCHED = "RefNotWatched";
    public static final String PATH_NOT_WATCHED = "PathNotWatched";

    /** What the event means for one of its watchers. */
    public static IgnoredCommit forWatcher(CommitIgnored event, WatchingApplication watcher) {
        return new IgnoredCommit(
                follows(watcher.targetRevision(), event.ref(), event.sha()) ? PATH_NOT_WATCHED : REF_NOT_WATCHED,
                event.explanation(),
                event.time());
    }

    /**
     * Whether an Application following {@code targetRevision} follows the ref the commit landed on. A branch or tag
     * may be written short ({@code main}) or in full ({@code refs/heads/main}); an empty revision or {@code HEAD}
     * follows the default branch, which the event does not name, so the usual default names count as it.
     */
    public static boolean follows(String targetRevision, String ref, String sha) {
        if (ref == null) {
            return true;
        }
        String revision = targetRevision == null || targetRevision.isBlank() ? "HEAD" : targetRevision.strip();
        if (revision.equals("HEAD")) {
            return ref.equals("HEAD") || ref.equals("refs/heads/main") || ref.equals("refs/heads/master");
        }
        return revision.equals(ref)
                || revision.equals(sha)
                || ref.equals("refs/heads/" + revision)
                || ref.equals("refs/tags/" + revision);
    }

    /**
     * The ignored commit an app's status should show: the newest of the one just heard of and the one its status
     * already shows, unless a render made after it has arrived since (that render deployed a newer commit).
     *
     * @param shown      the status conditions now
     * @param heard      ignored commits heard of since the last reconcile, oldest first
     * @param lastRender when the app's latest render was made; null when none has arrived
     * @return null when there is none to show
     */
    public static IgnoredCommit inForce(List<Condition> shown, List<IgnoredCommit> heard, Instant lastRender) {
        IgnoredCommit newest = shown == null
                ? null
                : shown.stream()
                        .filter(condition -> ConditionType.CommitIgnored.name().equals(condition.type))
                        .map(IgnoredCommit::fromCondition)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        for (IgnoredCommit commit : heard) {
            if (newest == null || !commit.since().isBefore(newest.since())) {
                newest = commit;
            }
        }
        if (newest == null || lastRender != null && lastRender.isAfter(newest.since())) {
            return null;
        }
        return newest;
    }

    private static IgnoredCommit fromCondition(Condition condition) {
        try {
            return new IgnoredCommit(condition.reason, condition.message, Instant.parse(condition.lastTransitionTime));
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return null;
        }
    }
}
