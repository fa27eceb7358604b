package dev.plumbline.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.AuditVerifier.Problem;
import dev.plumbline.events.AuditVerifier.ProblemKind;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks one app's trail record by record, in the topic's order, and keeps the last record that joined the chain:
 * where a trail that is read back continues from. Without trusted keys every record joins. With them, a record whose
 * signature does not verify over its app, sequence and stored hash is reported {@code UNTRUSTED} and left out, so the
 * next genuine record links to the one before it. A record whose content no longer matches its (signed) hash is
 * reported {@code CHANGED} and joins: its stored hash is the one the next record links to. A gap or a broken link is
 * reported at the record after it, which joins too: it is genuine, what is missing is before it.
 *
 * <p>Records of schema version 1 predate signatures: an unsigned one is accepted while no signed record of the app has
 * joined, so a trail begun before signing still verifies; after the app's first signed record, every record must be
 * signed.
 */
public final class AuditTrailCheck {

    private static final int FIRST_SIGNED_VERSION = 2;

    private final String app;
    private final boolean complete;
    private final TrustedKeys keys;
    private JsonNode last;
    private boolean signedJoined;

    /**
     * @param complete whether the trail must start at its first record (see {@link AuditVerifier})
     * @param keys     the drift-auditor's public keys; null checks hashes and links only
     */
    public AuditTrailCheck(String app, boolean complete, TrustedKeys keys) {
        this.app = app;
        this.complete = complete;
        this.keys = keys;
    }

    /** The problems of one stored record of this app; none when it joined the chain cleanly. */
    public List<Problem> accept(JsonNode record) {
        long sequence = record.path("sequence").asLong();
        String untrusted = untrusted(record);
        if (untrusted != null) {
            return List.of(new Problem(app, sequence, ProblemKind.UNTRUSTED, untrusted));
        }
        List<Problem> problems = new ArrayList<>();
        if (!Objects.equals(record.path(AuditChain.HASH_FIELD).asText(null), AuditChain.hash(record))) {
            problems.add(new Problem(
                    app,
                    sequence,
                    ProblemKind.CHANGED,
                    "its content does not match its hash: it was changed after it was written"));
        }
        problems.addAll(linkProblems(record, sequence));
        last = record;
        signedJoined |= record.hasNonNull(AuditChain.SIGNATURE_FIELD);
        return problems;
    }

    /** The last record that joined the chain; null when none has. */
    public JsonNode last() {
        return last;
    }

    private String untrusted(JsonNode record) {
        if (keys == null) {
            return null;
        }
        boolean unsigned = !record.hasNonNull(AuditChain.SIGNATURE_FIELD);
        if (unsigned && record.path("schemaVersion").asInt() < FIRST_SIGNED_VERSION && !signedJoined) {
            return null;
        }
        SignatureCheck check = AuditChain.checkSignature(record, keys);
        if (check.trusted()) {
            return null;
        }
        return unsigned && signedJoined
                ? "it is not signed, but the records before it are: it was not written by the drift-auditor"
                : check.problem() + ": it was not written by the drift-auditor";
    }

    private List<Problem> linkProblems(JsonNode record, long sequence) {
        List<Problem> problems = new ArrayList<>();
        String previousHash = record.path("previousHash").asText(null);
        if (last == null) {
            if (complete && (sequence != 1 || previousHash != null)) {
                problems.add(new Problem(
                        app,
                        sequence,
                        ProblemKind.GAP,
                        sequence == 1
                                ? "the first record links to a previous one that is missing"
                                : "records 1 to " + (sequence - 1) + " are missing"));
            }
            return problems;
        }
        long lastSequence = last.path("sequence").asLong();
        long expected = lastSequence + 1;
        if (sequence != expected) {
            problems.add(new Problem(
                    app,
                    sequence,
                    ProblemKind.GAP,
                    sequence > expected
                            ? "records " + expected + " to " + (sequence - 1) + " are missing"
                            : "record out of order or repeated: expected " + expected));
        }
        if (!Objects.equals(previousHash, last.path(AuditChain.HASH_FIELD).asText(null))) {
            problems.add(new Problem(
                    app,
                    sequence,
                    ProblemKind.BROKEN_LINK,
                    "its previousHash is not the hash of record " + lastSequence));
        }
        return problems;
    }
}
