package dev.plumbline.events;

import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.SyncStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The reconciler's comparison of an app's desired and live objects, written before any apply (and alone, for a
 * manual app). Secret values are masked upstream, in the engine, before they reach this event.
 *
 * @param revision   the commit SHA of the desired state compared
 * @param digest     the digest of that desired object set
 * @param syncStatus synced when every object is unchanged
 * @param health     the app's health at the time of the diff: its worst object's
 * @param objects    one entry per desired or owned object, prunes included, in apply order
 */
public record DiffComputed(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String revision,
        String digest,
        SyncStatus syncStatus,
        HealthStatus health,
        List<ObjectDiff> objects)
        implements PlumblineEvent {

    public DiffComputed {
        Envelope.check(EventType.DIFF_COMPUTED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(syncStatus, "syncStatus");
        health = health == null ? HealthStatus.UNKNOWN : health;
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    public static DiffComputed of(
            String correlationId,
            String app,
            String revision,
            String digest,
            SyncStatus syncStatus,
            HealthStatus health,
            List<ObjectDiff> objects) {
        return new DiffComputed(
                Envelope.newEventId(),
                EventType.DIFF_COMPUTED.schemaVersion(),
                Envelope.now(),
                PlumblineService.RECONCILER.source(),
                correlationId,
                app,
                revision,
                digest,
                syncStatus,
                health,
                objects);
    }

    @Override
    public EventType type() {
        return EventType.DIFF_COMPUTED;
    }

    /** The objects a sync would create, update or delete. */
    public List<ObjectDiff> changes() {
        return objects.stream()
                .filter(diff -> diff.change() != ChangeType.UNCHANGED)
                .toList();
    }
}
