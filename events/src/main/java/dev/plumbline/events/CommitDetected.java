package dev.plumbline.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A watched ref moved, or began to be watched. Keyed by repository URL on {@code plumbline.commit-events}.
 *
 * @param repoUrl      the repository, as Applications name it
 * @param ref          the full ref name ({@code refs/heads/main}, {@code refs/tags/v1.2.0}), or the commit SHA for
 *                     an Application pinned to one
 * @param before       the commit the ref pointed at before; null on first sight
 * @param after        the commit it points at now; null when the ref was deleted
 * @param update       initial, fast-forward, forced or deleted
 * @param commits      the commits in {@code before..after}, oldest first; on first sight only {@code after}
 * @param changedPaths repository paths changed between before and after (every path on first sight), sorted
 * @param fetchCause   what made the git-watcher fetch (written {@code trigger}, its name in schema version 1)
 * @param artifact     the tarball of {@code after}'s tree; null when the ref was deleted
 */
public record CommitDetected(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String repoUrl,
        String ref,
        String before,
        String after,
        RefUpdateKind update,
        List<CommitInfo> commits,
        List<String> changedPaths,
        @JsonProperty("trigger") FetchCause fetchCause,
        Artifact artifact)
        implements PlumblineEvent {

    public CommitDetected {
        Envelope.check(EventType.COMMIT_DETECTED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(fetchCause, "fetchCause");
        commits = commits == null ? List.of() : List.copyOf(commits);
        changedPaths = changedPaths == null ? List.of() : List.copyOf(changedPaths);
    }

    /**
     * @param correlationId made by the git-watcher when the webhook or poll tick arrives, so its logs and every
     *                      later event share it
     */
    public static CommitDetected of(
            String correlationId,
            String repoUrl,
            String ref,
            String before,
            String after,
            RefUpdateKind update,
            List<CommitInfo> commits,
            List<String> changedPaths,
            FetchCause fetchCause,
            Artifact artifact) {
        return new CommitDetected(
                Envelope.newEventId(),
                EventType.COMMIT_DETECTED.schemaVersion(),
                Envelope.now(),
                PlumblineService.GIT_WATCHER.source(),
                correlationId,
                repoUrl,
                ref,
                before,
                after,
                update,
                commits,
                changedPaths,
                fetchCause,
                artifact);
    }

    @Override
    public EventType type() {
        return EventType.COMMIT_DETECTED;
    }

    /** Commit events concern a repository, not one app. */
    @Override
    public String app() {
        return null;
    }

    @Override
    public String key() {
        return repoUrl;
    }
}
