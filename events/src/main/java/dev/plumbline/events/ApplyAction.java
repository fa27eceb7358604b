package dev.plumbline.events;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.time.Instant;
import java.util.Objects;

/**
 * What the reconciler did to one object in one sync. The events of a sync share {@code syncId} and are numbered
 * {@code 1..objectCount}, so that a consumer (the notifier's one message per sync, the status's sync history)
 * knows when it has seen the whole sync.
 *
 * @param revision    the commit SHA synced
 * @param syncId      the sync this action belongs to
 * @param trigger     what started the sync
 * @param initiatedBy {@code plumbline} for automated syncs and heals, the person for manual ones
 * @param object      the object
 * @param operation   apply or prune
 * @param result      succeeded, failed, refused or skipped
 * @param error       why it failed or was refused; null when it succeeded
 * @param objectIndex this action's position in the sync, from 1
 * @param objectCount how many actions the sync has
 */
public record ApplyAction(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String revision,
        String syncId,
        SyncTrigger trigger,
        String initiatedBy,
        ObjectIdentity object,
        ApplyOperation operation,
        ApplyResult result,
        String error,
        int objectIndex,
        int objectCount)
        implements PlumblineEvent {

    public ApplyAction {
        Envelope.check(EventType.APPLY_ACTION, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(syncId, "syncId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(result, "result");
    }

    public static ApplyAction of(
            String correlationId,
            String app,
            String revision,
            String syncId,
            SyncTrigger trigger,
            String initiatedBy,
            ObjectIdentity object,
            ApplyOperation operation,
            ApplyResult result,
            String error,
            int objectIndex,
            int objectCount) {
        return new ApplyAction(
                Envelope.newEventId(),
                EventType.APPLY_ACTION.schemaVersion(),
                Envelope.now(),
                PlumblineService.RECONCILER.source(),
                correlationId,
                app,
                revision,
                syncId,
                trigger,
                initiatedBy,
                object,
                operation,
                result,
                error,
                objectIndex,
                objectCount);
    }

    @Override
    public EventType type() {
        return EventType.APPLY_ACTION;
    }

    /** Whether this is the sync's last action. */
    public boolean lastOfSync() {
        return objectIndex == objectCount;
    }
}
