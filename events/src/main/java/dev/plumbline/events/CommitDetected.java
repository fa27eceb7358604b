package dev.plumbline.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.git.CommitSignature;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.git.Trailer;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.SignedFields;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A watched ref moved, or began to be watched. Keyed by repository URL on {@code plumbline.commit-events}. Signed by
 * the git-watcher ({@link #signedFields()}): the renderer downloads and renders the artifact it names, and the
 * drift-auditor records its commits' authors in the audit trail, only when {@link #verify(TrustedKeys)} says so.
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
 * @param refusals     the Applications that must not deploy {@code after} (their project requires a signature it
 *                     lacks), with the reason
 * @param signature    the git-watcher's Ed25519 signature over {@link #signedFields()}, base64; null when unsigned
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
        Artifact artifact,
        List<CommitRefusal> refusals,
        String signature)
        implements PlumblineEvent {

    /** What a git-watcher's signature on a commit event says, so it cannot be taken for any other signature. */
    public static final String SIGNATURE_PURPOSE = "plumbline.commit-detected.v1";

    public CommitDetected {
        Envelope.check(EventType.COMMIT_DETECTED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(fetchCause, "fetchCause");
        commits = commits == null ? List.of() : List.copyOf(commits);
        changedPaths = changedPaths == null ? List.of() : List.copyOf(changedPaths);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }

    /**
     * An unsigned commit event; the git-watcher signs it with {@link #signedWith}.
     *
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
                artifact,
                List.of(),
                null);
    }

    /** The same unsigned event, refusing {@code after} to these Applications. */
    public CommitDetected withRefusals(List<CommitRefusal> refused) {
        return new CommitDetected(
                eventId,
                schemaVersion,
                time,
                source,
                correlationId,
                repoUrl,
                ref,
                before,
                after,
                update,
                commits,
                changedPaths,
                fetchCause,
                artifact,
                refused,
                null);
    }

    /** Whether this Application must not deploy {@code after}, and why. */
    public Optional<CommitRefusal> refusalFor(String app) {
        return refusals.stream().filter(refusal -> refusal.app().equals(app)).findFirst();
    }

    /** The commit the ref moved to, when the event lists it. */
    public Optional<CommitInfo> afterCommit() {
        return commits.stream().filter(commit -> commit.sha().equals(after)).findFirst();
    }

    /**
     * The bytes the git-watcher signs and readers verify: everything the event says, the envelope's ids and time
     * aside.
     */
    public SignedFields signedFields() {
        SignedFields fields = SignedFields.of(SIGNATURE_PURPOSE)
                .with("repoUrl", repoUrl)
                .with("ref", ref)
                .with("before", before)
                .with("after", after)
                .with("update", update.label())
                .with("artifact.url", artifact == null ? null : artifact.url())
                .with("artifact.sha256", artifact == null ? null : artifact.sha256())
                .with("changedPaths", changedPaths.size());
        changedPaths.forEach(path -> fields.with("changedPath", path));
        fields.with(
                        "trigger.kind",
                        fetchCause.kind() == null ? null : fetchCause.kind().label())
                .with(
                        "trigger.provider",
                        fetchCause.provider() == null
                                ? null
                                : fetchCause.provider().label())
                .with("trigger.deliveryId", fetchCause.deliveryId())
                .with("trigger.actor", fetchCause.actor())
                .with("commits", commits.size());
        for (CommitInfo commit : commits) {
            fields.with("commit.sha", commit.sha()).with("commit.message", commit.message());
            signature(fields, "commit.author", commit.author());
            signature(fields, "commit.committer", commit.committer());
            fields.with("commit.trailers", commit.trailers().size());
            for (Trailer trailer : commit.trailers()) {
                fields.with("trailer.key", trailer.key()).with("trailer.value", trailer.value());
            }
            CommitSignature checked = commit.commitSignature();
            fields.with(
                    "commit.signature",
                    checked == null ? null : checked.verdict().label());
            if (checked != null) {
                fields.with(
                                "commit.signature.format",
                                checked.format() == null
                                        ? null
                                        : checked.format().label())
                        .with("commit.signature.key", checked.key())
                        .with("commit.signature.signer", checked.signer());
            }
        }
        fields.with("refusals", refusals.size());
        for (CommitRefusal refusal : refusals) {
            fields.with("refusal.app", refusal.app())
                    .with("refusal.project", refusal.project())
                    .with("refusal.reason", refusal.reason());
        }
        return fields;
    }

    private static void signature(SignedFields fields, String name, GitSignature person) {
        fields.with(name, person == null ? null : "present");
        if (person != null) {
            fields.with(name + ".name", person.name())
                    .with(name + ".email", person.email())
                    .with(name + ".time", person.time());
        }
    }

    /** This commit event, signed by {@code key}. */
    public CommitDetected signedWith(SigningKey key) {
        return new CommitDetected(
                eventId,
                schemaVersion,
                time,
                source,
                correlationId,
                repoUrl,
                ref,
                before,
                after,
                update,
                commits,
                changedPaths,
                fetchCause,
                artifact,
                refusals,
                key.sign(signedFields()));
    }

    /** Whether a reader may act on this event: one of the git-watcher's trusted keys signed what it says. */
    public SignatureCheck verify(TrustedKeys gitWatcherKeys) {
        return gitWatcherKeys.check(signedFields(), signature);
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
