package dev.plumbline.events;

import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Plumbline and another writer keep reverting the same field. Its own event type rather than a flag on
 * {@link DriftDetected}, because it asks a person for a decision the drift alert does not: healing of that field
 * has stopped, and resumes only when someone acts (fixes Git or the other controller, then resumes self-heal or
 * asks for a sync).
 *
 * @param episodeId the drift episode the fight belongs to
 * @param object    the object
 * @param path      the contested field
 * @param opponent  the other field manager
 * @param reverts   how many times the field was reverted within {@code window}
 * @param window    the span the reverts were counted in
 */
public record SelfHealFight(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String episodeId,
        ObjectIdentity object,
        String path,
        FieldManagerAttribution opponent,
        int reverts,
        Duration window)
        implements PlumblineEvent {

    public SelfHealFight {
        Envelope.check(EventType.SELF_HEAL_FIGHT, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(path, "path");
        opponent = opponent == null ? FieldManagerAttribution.unknown() : opponent;
    }

    public static SelfHealFight of(
            String correlationId,
            String app,
            String episodeId,
            ObjectIdentity object,
            String path,
            FieldManagerAttribution opponent,
            int reverts,
            Duration window) {
        return new SelfHealFight(
                Envelope.newEventId(),
                EventType.SELF_HEAL_FIGHT.schemaVersion(),
                Envelope.now(),
                PlumblineService.DRIFT_AUDITOR.source(),
                correlationId,
                app,
                episodeId,
                object,
                path,
                opponent,
                reverts,
                window);
    }

    @Override
    public EventType type() {
        return EventType.SELF_HEAL_FIGHT;
    }
}
