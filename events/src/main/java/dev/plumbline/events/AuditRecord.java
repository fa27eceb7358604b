package dev.plumbline.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.vocabulary.AuditAction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an app's audit trail: an intended or actual change. Records of one app form a hash chain: each
 * holds the hash of the one before it, and its own hash over all of its fields (see {@link AuditChain}), so a
 * missing or altered record is detectable. The audit topic outlives every other topic, so a record is
 * self-contained rather than a pointer to its source event.
 *
 * @param sequence        the record's number in its app's trail, from 1, with no gaps
 * @param occurredAt      when the recorded change happened (the source event's time)
 * @param action          what happened
 * @param actor           the Git author of a commit, {@code plumbline} for automated actions, the person for manual
 *                        ones
 * @param summary         one line for people, such as "applied Deployment apps/v1 shop/web (self-heal)"
 * @param revision        the commit SHA concerned; null when none is
 * @param objects         the objects concerned
 * @param details         the facts worth keeping for this action (the commit's author, committer and trailers;
 *                        the drifted fields; the pause's expiry and reason); null when the summary says all
 * @param sourceEventId   the event this record was made from: a record is written once per source event even when
 *                        that event is delivered twice
 * @param sourceEventType the CloudEvents type of that event (a string, so that a reader older than the writer can
 *                        still read the trail)
 * @param previousHash    the hash of the app's previous record; null for its first
 * @param hash            this record's hash
 * @param signature       the drift-auditor's Ed25519 signature over the app, sequence and hash (see
 *                        {@link AuditChain#signedFields}); null on records of schema version 1, written before
 *                        records were signed
 */
public record AuditRecord(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        long sequence,
        Instant occurredAt,
        AuditAction action,
        String actor,
        String summary,
        String revision,
        List<ObjectIdentity> objects,
        JsonNode details,
        String sourceEventId,
        String sourceEventType,
        String previousHash,
        String hash,
        String signature)
        implements PlumblineEvent {

    /** The actor of everything Plumbline does on its own. */
    public static final String PLUMBLINE_ACTOR = "plumbline";

    public AuditRecord {
        Envelope.check(EventType.AUDIT_RECORD, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        summary = summary == null ? "" : summary;
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    /**
     * The next record of an app's chain, its hash computed; the writer signs it with {@link #signedBy}.
     *
     * @param previous the app's previous record; null for its first
     * @param from     the event this record is made from; its id, type, time and correlation id are copied
     */
    public static AuditRecord next(
            AuditRecord previous,
            PlumblineEvent from,
            String app,
            AuditAction action,
            String actor,
            String summary,
            String revision,
            List<ObjectIdentity> objects,
            JsonNode details) {
        if (previous != null && !previous.app().equals(app)) {
            throw new IllegalArgumentException(
                    "the previous record of app " + app + " cannot be one of app " + previous.app());
        }
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? null : previous.hash();
        AuditRecord unhashed = new AuditRecord(
                Envelope.newEventId(),
                EventType.AUDIT_RECORD.schemaVersion(),
                Envelope.now(),
                PlumblineService.DRIFT_AUDITOR.source(),
                from.correlationId(),
                app,
                sequence,
                from.time(),
                action,
                actor,
                summary,
                revision,
                objects,
                details,
                from.eventId(),
                from.type().typeName(),
                previousHash,
                null,
                null);
        return unhashed.withHash(AuditChain.hash(unhashed));
    }

    @Override
    public EventType type() {
        return EventType.AUDIT_RECORD;
    }

    /** Whether {@code hash} matches the record's content; a chain check also compares {@code previousHash}. */
    public boolean hashMatches() {
        return Objects.equals(hash, AuditChain.hash(this));
    }

    /** This record with its hash computed over its content, unsigned: what {@link #signedBy} signs. */
    public AuditRecord withHash() {
        return withHash(AuditChain.hash(this));
    }

    /** This record signed by the writer's key; its hash must already be computed ({@link #withHash()}). */
    public AuditRecord signedBy(SigningKey key) {
        if (!hashMatches()) {
            throw new IllegalStateException("record " + sequence + " of app " + app + " is signed over its hash, which"
                    + " must be computed first");
        }
        return copy(hash, AuditChain.sign(app, sequence, hash, key));
    }

    private AuditRecord withHash(String newHash) {
        return copy(newHash, null);
    }

    private AuditRecord copy(String newHash, String newSignature) {
        return new AuditRecord(
                eventId,
                schemaVersion,
                time,
                source,
                correlationId,
                app,
                sequence,
                occurredAt,
                action,
                actor,
                summary,
                revision,
                objects,
                details,
                sourceEventId,
                sourceEventType,
                previousHash,
                newHash,
                newSignature);
    }
}
