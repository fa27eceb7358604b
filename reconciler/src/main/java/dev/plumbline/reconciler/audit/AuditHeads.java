package dev.plumbline.reconciler.audit;

import dev.plumbline.events.AuditChain;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.reconciler.application.ApplicationStatusModel.AuditHead;

/**
 * Whether an audit record moves its app's head. Only a record the drift-auditor signed can, and only the one that
 * follows the head (the next sequence, linked to the head's hash): the head is the evidence of how long the trail was,
 * so a trail later cut short or rewritten leaves it where it was, for {@code plumb audit verify} to compare, instead of
 * following the new chain. An app with no head yet takes its first signed record as one.
 */
public final class AuditHeads {

    /** What a record does to the head. */
    public sealed interface Outcome {}

    /** The head moves to this record. */
    public record Moved(AuditHead head) implements Outcome {}

    /** The head stays; {@code reason} says why, for the log. */
    public record Kept(String reason, Severity severity) implements Outcome {}

    /** How loudly a kept head is logged. */
    public enum Severity {
        /** a redelivery, or an unsigned record from before signing: nothing to look into */
        ROUTINE,
        /** a record someone else wrote, or a trail that does not continue from the head */
        SUSPECT
    }

    private static final int FIRST_SIGNED_VERSION = 2;

    private final TrustedKeys driftAuditor;

    public AuditHeads(TrustedKeys driftAuditor) {
        this.driftAuditor = driftAuditor;
    }

    /** @param head the head the Application's status records; null when none */
    public Outcome next(AuditHead head, AuditRecord record) {
        String at = "record " + record.sequence() + " of " + record.app();
        if (!record.hashMatches()) {
            return new Kept(at + " does not match its hash: it was changed after it was written", Severity.SUSPECT);
        }
        SignatureCheck signature = AuditChain.checkSignature(record, driftAuditor);
        if (!signature.trusted()) {
            boolean beforeSigning =
                    record.signature() == null && record.schemaVersion() < FIRST_SIGNED_VERSION && head == null;
            return new Kept(
                    at + " cannot move the trail's head: " + signature.problem(),
                    beforeSigning ? Severity.ROUTINE : Severity.SUSPECT);
        }
        AuditHead moved =
                new AuditHead(record.sequence(), record.hash(), record.time().toString());
        if (head == null || head.count == null) {
            return new Moved(moved);
        }
        if (record.sequence() <= head.count) {
            boolean same = record.sequence() == head.count && record.hash().equals(head.hash);
            return same || record.sequence() < head.count
                    ? new Kept(at + " is already counted in the head (" + head.count + ")", Severity.ROUTINE)
                    : new Kept(
                            at + " is not the record " + head.count + " the Application records (" + head.hash
                                    + "): the trail was rewritten from there; the head stays",
                            Severity.SUSPECT);
        }
        if (record.sequence() == head.count + 1
                && record.previousHash() != null
                && record.previousHash().equals(head.hash)) {
            return new Moved(moved);
        }
        return new Kept(
                at + " does not follow the head the Application records (record " + head.count + ", " + head.hash
                        + "): records were lost or the trail was cut short and continued; the head stays until the"
                        + " trail is looked into",
                Severity.SUSPECT);
    }
}
