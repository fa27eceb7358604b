package dev.plumbline.events;

import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.vocabulary.DriftMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Live differs from desired: one event per drift episode, not per watch event. A later event with the same
 * {@code episodeId} means the episode grew (more objects or fields); {@link DriftRecovered} ends it.
 *
 * @param episodeId identifies the episode across its alerts, its recovery and its heal
 * @param revision  the commit SHA of the desired state
 * @param mode      warn or heal, the app's effective drift mode
 * @param pause     the self-heal pause in force; null when self-heal is not paused
 * @param objects   the drifted objects with their fields, values (Secrets masked) and who changed them
 */
public record DriftDetected(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String episodeId,
        String revision,
        DriftMode mode,
        SelfHealPause pause,
        List<DriftedObject> objects)
        implements PlumblineEvent {

    public DriftDetected {
        Envelope.check(EventType.DRIFT_DETECTED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(mode, "mode");
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    /** @param correlationId that of the desired state in force, so the drift joins its commit's story */
    public static DriftDetected of(
            String correlationId,
            String app,
            String episodeId,
            String revision,
            DriftMode mode,
            SelfHealPause pause,
            List<DriftedObject> objects) {
        return new DriftDetected(
                Envelope.newEventId(),
                EventType.DRIFT_DETECTED.schemaVersion(),
                Envelope.now(),
                PlumblineService.DRIFT_AUDITOR.source(),
                correlationId,
                app,
                episodeId,
                revision,
                mode,
                pause,
                objects);
    }

    @Override
    public EventType type() {
        return EventType.DRIFT_DETECTED;
    }

    /** Whether Plumbline will heal this drift (heal mode and not paused), as messages should say. */
    public boolean willHeal() {
        return mode == DriftMode.HEAL && pause == null;
    }
}
