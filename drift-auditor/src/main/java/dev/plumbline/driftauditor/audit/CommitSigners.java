package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.git.CommitSignature;

/**
 * Who signed a commit, as the audit trail names it: every record about a revision whose signature the git-watcher
 * checked carries it in {@code details.commitSignature} (verdict, format, key fingerprint, signer), so the trail
 * says who signed each commit rendered, applied or healed, not only who wrote it.
 */
final class CommitSigners {

    static final String DETAIL = "commitSignature";

    private CommitSigners() {}

    /** The entry naming the signer of its revision; as it is when it names one already or has no JSON object. */
    static AuditEntry named(AuditEntry entry, CommitSignature signature) {
        if (signature == null
                || entry.details() != null
                        && (!entry.details().isObject() || entry.details().has(DETAIL))) {
            return entry;
        }
        ObjectNode details = entry.details() == null
                ? AuditAssembler.JSON.createObjectNode()
                : ((ObjectNode) entry.details()).deepCopy();
        details.set(DETAIL, AuditAssembler.JSON.valueToTree(signature));
        return new AuditEntry(
                entry.app(),
                entry.action(),
                entry.actor(),
                entry.summary(),
                entry.revision(),
                entry.objects(),
                details,
                entry.correlationId(),
                entry.sourceEventId(),
                entry.sourceEventType(),
                entry.occurredAt());
    }

    /** For a summary: "signed with SSH key SHA256:… (ana@example.com)", "unsigned", "badly signed with …". */
    static String describe(CommitSignature signature) {
        return switch (signature.verdict()) {
            case UNSIGNED -> "unsigned";
            case GOOD -> "signed with " + signature.describe();
            case BAD -> "with a signature that does not verify, " + signature.describe();
            case UNKNOWN_KEY -> "signed with a key no project lists, " + signature.describe();
        };
    }
}
