package dev.plumbline.reconciler.reconcile;

import dev.plumbline.events.SyncRequested;
import java.util.Collection;

/**
 * One reason to reconcile an app.
 *
 * @param trigger     why
 * @param syncRequest the request from the sync-requests topic; null for other triggers
 */
public record ReconcileRequest(Trigger trigger, SyncRequested syncRequest) {

    public static ReconcileRequest of(Trigger trigger) {
        return new ReconcileRequest(trigger, null);
    }

    public static ReconcileRequest sync(SyncRequested request) {
        return new ReconcileRequest(Trigger.SYNC_REQUESTED, request);
    }

    /** The strongest of requests that arrived while the app was busy; the latest sync request wins among those. */
    public static ReconcileRequest merge(Collection<ReconcileRequest> requests) {
        ReconcileRequest strongest = null;
        for (ReconcileRequest request : requests) {
            if (strongest == null || request.trigger().compareTo(strongest.trigger()) >= 0) {
                strongest = request;
            }
        }
        return strongest == null ? of(Trigger.LIVE_CHANGED) : strongest;
    }

}
