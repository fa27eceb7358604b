package dev.plumbline.driftauditor.audit;

import dev.plumbline.driftauditor.pause.ActivePause;
import dev.plumbline.events.AuditChain;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.EventType;
import dev.plumbline.events.PlumblineService;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The chains of the apps this instance records. A record is prepared from an entry (numbered, linked to the app's
 * last record, hashed) and becomes the app's last record only once it is stored, so a failed write leaves no hole.
 * An entry whose source event was already recorded with the same action is dropped: a redelivery. Chains are
 * rebuilt from the audit topic with {@link #load}. Used by one thread at a time.
 */
public final class AuditTrail {

    private final Clock clock;
    private final int dedupWindow;
    private final Map<String, AppTrail> apps = new HashMap<>();

    public AuditTrail(Clock clock, int dedupWindow) {
        this.clock = clock;
        this.dedupWindow = dedupWindow;
    }

    /** Takes a record read back from the audit topic, in the topic's order. */
    public void load(AuditRecord stored) {
        trail(stored.app()).append(stored);
    }

    /** The next record of the entry's app, or empty when its source event was recorded already. */
    public Optional<AuditRecord> prepare(AuditEntry entry) {
        AppTrail trail = trail(entry.app());
        if (trail.recorded(entry.dedupKey())) {
            return Optional.empty();
        }
        AuditRecord unhashed = new AuditRecord(
                UUID.randomUUID().toString(),
                EventType.AUDIT_RECORD.schemaVersion(),
                clock.instant(),
                PlumblineService.DRIFT_AUDITOR.source(),
                entry.correlationId(),
                entry.app(),
                trail.sequence() + 1,
                entry.occurredAt(),
                entry.action(),
                entry.actor(),
                entry.summary(),
                entry.revision(),
                entry.objects(),
                entry.details(),
                entry.sourceEventId(),
                entry.sourceEventType(),
                trail.hash(),
                null);
        return Optional.of(withHash(unhashed, AuditChain.hash(unhashed)));
    }

    /** The record was stored: it is now the app's last. */
    public void stored(AuditRecord record) {
        trail(record.app()).append(record);
    }

    /** The pause the app's trail last recorded; null when none is in force. */
    public ActivePause pause(String app) {
        AppTrail trail = apps.get(app);
        return trail == null ? null : trail.pause();
    }

    /** The apps whose trail records a pause in force, for the expiry timer. */
    public List<String> pausedApps() {
        return apps.entrySet().stream()
                .filter(entry -> entry.getValue().pause() != null)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Forgets these apps' chains (their partitions went to another instance, which reads them back itself). */
    public void forget(Set<String> forgotten) {
        apps.keySet().removeAll(forgotten);
    }

    public Set<String> apps() {
        return Set.copyOf(apps.keySet());
    }

    private AppTrail trail(String app) {
        return apps.computeIfAbsent(app, name -> new AppTrail(dedupWindow));
    }

    private static AuditRecord withHash(AuditRecord r, String hash) {
        return new AuditRecord(
                r.eventId(),
                r.schemaVersion(),
                r.time(),
                r.source(),
                r.correlationId(),
                r.app(),
                r.sequence(),
                r.occurredAt(),
                r.action(),
                r.actor(),
                r.summary(),
                r.revision(),
                r.objects(),
                r.details(),
                r.sourceEventId(),
                r.sourceEventType(),
                r.previousHash(),
                hash);
    }
}
