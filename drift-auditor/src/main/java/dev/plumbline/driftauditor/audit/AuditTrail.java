package dev.plumbline.driftauditor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.driftauditor.pause.ActivePause;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.AuditTrailCheck;
import dev.plumbline.events.AuditVerifier.Problem;
import dev.plumbline.events.AuditVerifier.ProblemKind;
import dev.plumbline.events.EventJson;
import dev.plumbline.events.EventType;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The chains of the apps this instance records. A record is prepared from an entry (numbered, linked to the app's
 * last record, hashed, signed) and becomes the app's last record only once it is stored, so a failed write leaves no hole.
 * An entry whose source event was already recorded with the same action is dropped: a redelivery. Chains are
 * rebuilt from the audit topic with {@link #load}. Used by one thread at a time.
 */
public final class AuditTrail {

    private final Clock clock;
    private final int dedupWindow;
    private final SigningKey signingKey;
    private final TrustedKeys trustedKeys;
    private final Map<String, AppTrail> apps = new HashMap<>();

    /**
     * @param signingKey  the key every new record is signed with
     * @param trustedKeys the public keys a record read back must be signed by (this service's own, two during a key
     *                    rotation)
     */
    public AuditTrail(Clock clock, int dedupWindow, SigningKey signingKey, TrustedKeys trustedKeys) {
        this.clock = clock;
        this.dedupWindow = dedupWindow;
        this.signingKey = signingKey;
        this.trustedKeys = trustedKeys;
    }

    /**
     * Takes the records of one partition read back from the audit topic, as stored and in the topic's order, and
     * checks each app's chain as {@code plumb audit verify} does. A record that joins the chain (see
     * {@link AuditTrailCheck}) is taken; one that does not (not signed by this service's key) is left out, so the
     * app's chain continues from its last record that does, and a source event only such a record claims is
     * recorded again.
     *
     * @return the problems found, each naming the app and the record; empty for intact trails
     */
    public List<Problem> load(List<JsonNode> stored) {
        Map<String, AuditTrailCheck> checks = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (JsonNode record : stored) {
            String app = record.path("app").asText(null);
            if (app == null) {
                problems.add(new Problem("?", -1, ProblemKind.UNREADABLE, "not an audit record: it names no app"));
                continue;
            }
            AuditTrailCheck check = checks.computeIfAbsent(app, name -> new AuditTrailCheck(name, false, trustedKeys));
            problems.addAll(check.accept(record));
            if (check.last() == record) {
                take(record, problems);
            }
        }
        return problems;
    }

    private void take(JsonNode stored, List<Problem> problems) {
        try {
            AuditRecord record = EventJson.read(stored.toString().getBytes(StandardCharsets.UTF_8), AuditRecord.class);
            trail(record.app()).append(record);
        } catch (RuntimeException unreadable) {
            problems.add(new Problem(
                    stored.path("app").asText(),
                    stored.path("sequence").asLong(),
                    ProblemKind.UNREADABLE,
                    unreadable.getMessage()));
        }
    }

    /** The sequence of the app's last record, where its chain continues; 0 before its first. */
    public long sequence(String app) {
        AppTrail trail = apps.get(app);
        return trail == null ? 0 : trail.sequence();
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
                null,
                null);
        return Optional.of(unhashed.withHash().signedBy(signingKey));
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

    /** Whether the app's trail records this refusal of its repository ({@link RefusalEntries#sourceRefusalKey}). */
    public boolean sourceRefusalRecorded(String app, String key) {
        AppTrail trail = apps.get(app);
        return trail != null && key.equals(trail.sourceRefusal());
    }

    /** The app's repository is permitted: the next refusal of it is recorded again. */
    public void sourcePermitted(String app) {
        AppTrail trail = apps.get(app);
        if (trail != null) {
            trail.sourcePermitted();
        }
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
}
