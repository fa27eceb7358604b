package dev.plumbline.driftauditor.audit;

import dev.plumbline.driftauditor.pause.ActivePause;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.vocabulary.AuditAction;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the trail writer keeps of one app's chain: its last record (the link the next one hashes over), the source
 * events recently recorded (to drop a redelivery), the self-heal pause the trail last recorded, and the refusal of
 * its repository last recorded (recorded once, not at each spec that repeats it).
 */
final class AppTrail {

    private final int dedupWindow;
    private final Set<String> recorded = new LinkedHashSet<>();
    private long sequence;
    private String hash;
    private ActivePause pause;
    private String sourceRefusal;

    AppTrail(int dedupWindow) {
        this.dedupWindow = dedupWindow;
    }

    boolean recorded(String dedupKey) {
        return recorded.contains(dedupKey);
    }

    void append(AuditRecord record) {
        sequence = record.sequence();
        hash = record.hash();
        recorded.add(AuditEntry.dedupKey(record.sourceEventId(), record.action()));
        if (recorded.size() > dedupWindow) {
            recorded.remove(recorded.iterator().next());
        }
        ActivePause.from(record).ifPresent(change -> pause = change.orElse(null));
        if (record.action() == AuditAction.SOURCE_NOT_PERMITTED && record.details() != null) {
            sourceRefusal = RefusalEntries.sourceRefusalKey(record.details());
        }
    }

    /** The source refusal last recorded ({@link RefusalEntries#sourceRefusalKey}); null when none is in force. */
    String sourceRefusal() {
        return sourceRefusal;
    }

    /** The app's source is permitted again: a later refusal is news, even the same one. */
    void sourcePermitted() {
        sourceRefusal = null;
    }

    long sequence() {
        return sequence;
    }

    String hash() {
        return hash;
    }

    ActivePause pause() {
        return pause;
    }
}
