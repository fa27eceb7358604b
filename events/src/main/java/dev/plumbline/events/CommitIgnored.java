package dev.plumbline.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.WatchingApplication;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.SignedFields;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
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
 * @param signature    the git-watcher's Ed25519 signature over {@link #signedFields()}, base64; null when unsigned.
 *                     The reconciler shows an ignored commit on an Application only when it verifies, so write
 *                     access to the topic cannot put words in the Application's status
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
        String explanation,
        String signature)
        implements PlumblineEvent {

    /** What a git-watcher's signature on an ignored commit says, so it cannot be taken for any other signature. */
    public static final String SIGNATURE_PURPOSE = "plumbline.commit-ignored.v1";

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
                explanation,
                null);
    }

    /** The bytes the git-watcher signs and the reconciler verifies: everything the condition is made of. */
    public SignedFields signedFields() {
        SignedFields fields = SignedFields.of(SIGNATURE_PURPOSE)
                .with("repoUrl", repoUrl)
                .with("ref", ref)
                .with("sha", sha)
                .with("changedPaths", changedPaths.size());
        changedPaths.forEach(changed -> fields.with("changedPath", changed));
        fields.with(
                        "trigger.kind",
                        fetchCause == null || fetchCause.kind() == null
                                ? null
                                : fetchCause.kind().label())
                .with(
                        "trigger.provider",
                        fetchCause == null || fetchCause.provider() == null
                                ? null
                                : fetchCause.provider().label())
                .with("trigger.deliveryId", fetchCause == null ? null : fetchCause.deliveryId())
                .with("trigger.actor", fetchCause == null ? null : fetchCause.actor())
                .with("watchers", watchers.size());
        watchers.forEach(watcher -> fields.with("watcher.app", watcher.app())
                .with("watcher.targetRevision", watcher.targetRevision())
                .with("watcher.path", watcher.path()));
        return fields.with("explanation", explanation);
    }

    /** This event, signed by {@code key}. */
    public CommitIgnored signedWith(SigningKey key) {
        return new CommitIgnored(
                eventId,
                schemaVersion,
                time,
                source,
                correlationId,
                repoUrl,
                ref,
                sha,
                changedPaths,
                fetchCause,
                watchers,
                explanation,
                key.sign(signedFields()));
    }

    /** Whether a reader may act on this event: one of the git-watcher's trusted keys signed what it says. */
    public SignatureCheck verify(TrustedKeys gitWatcherKeys) {
        return gitWatcherKeys.check(signedFields(), signature);
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
