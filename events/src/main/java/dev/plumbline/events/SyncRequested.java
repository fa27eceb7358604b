package dev.plumbline.events;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request to sync an app now: a heal from the drift-auditor, or a manual sync or rollback from the CLI.
 *
 * @param trigger     self-heal, manual or rollback
 * @param reason      why, in words, for example "drift: spec.replicas changed by kubectl-edit"
 * @param requestedBy {@code plumbline} for heals, the person otherwise
 * @param revision    the revision to sync to (a rollback); null for the app's current desired revision
 * @param objects     the objects to sync (the drifted ones of a heal); empty for the whole app
 */
public record SyncRequested(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        SyncTrigger trigger,
        String reason,
        String requestedBy,
        String revision,
        List<ObjectIdentity> objects)
        implements PlumblineEvent {

    public SyncRequested {
        Envelope.check(EventType.SYNC_REQUESTED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(requestedBy, "requestedBy");
        reason = reason == null ? "" : reason;
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    /**
     * @param requester     the drift-auditor or the CLI
     * @param correlationId for a heal, that of the desired state being restored; for a manual request, a new one
     */
    public static SyncRequested of(
            PlumblineService requester,
            String correlationId,
            String app,
            SyncTrigger trigger,
            String reason,
            String requestedBy,
            String revision,
            List<ObjectIdentity> objects) {
        if (!requester.writes(Topics.SYNC_REQUESTS)) {
            throw new IllegalArgumentException(requester + " does not write " + Topics.SYNC_REQUESTS);
        }
        return new SyncRequested(
                Envelope.newEventId(),
                EventType.SYNC_REQUESTED.schemaVersion(),
                Envelope.now(),
                requester.source(),
                correlationId,
                app,
                trigger,
                reason,
                requestedBy,
                revision,
                objects);
    }

    @Override
    public EventType type() {
        return EventType.SYNC_REQUESTED;
    }
}
