package dev.plumbline.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.WatchingApplication;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit on a watched repository that deploys nothing, with the reason in words, so that "my new manifest never
 * appears" has an answer in the audit trail and in {@code plumb app get}. Keyed by repository URL.
 *
 * @param repoUrl      the repository
 * @param ref          the ref the commit landed on
 * @param sha          the commit
 * @param changedPaths the paths it changed, sorted
 * @param fetchCause   what made the git-watcher look (written {@code trigger}, its name in schema version 1)
 * @param watchers     the Applications watching this repository, with what they watch
 * @param explanation  for example "commit 1a2b3c changed overlays/prod/web.yaml; no Application watches that path;
 *                     Application web watches overlays/production on branch main"
 */
public record CommitIgnored(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String repoUrl,
        String ref,
        String sha,
        List<String> changedPaths,
        @JsonProperty("trigger") FetchCause fetchCause,
        List<WatchingApplication> watchers,
        String explanation)
        implements PlumblineEvent {

    public CommitIgnored {
        Envelope.check(EventType.COMMIT_IGNORED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(explanation, "explanation");
        changedPaths = changedPaths == null ? List.of() : List.copyOf(changedPaths);
        watchers = watchers == null ? List.of() : List.copyOf(watchers);
    }

    public static CommitIgnored of(
            String correlationId,
            String repoUrl,
            String ref,
            String sha,
            List<String> changedPaths,
            FetchCause fetchCause,
            List<WatchingApplication> watchers,
            String explanation) {
        return new CommitIgnored(
                Envelope.newEventId(),
                EventType.COMMIT_IGNORED.schemaVersion(),
                Envelope.now(),
                PlumblineService.GIT_WATCHER.source(),
                correlationId,
                repoUrl,
                ref,
                sha,
                changedPaths,
                fetchCause,
                watchers,
                explanation);
    }

    @Override
    public EventType type() {
        return EventType.COMMIT_IGNORED;
    }

    @Override
    public String app() {
        return null;
    }

    @Override
    public String key() {
        return repoUrl;
    }
}
