package dev.plumbline.reconciler.reconcile;

import dev.plumbline.events.SyncRequested;
import java.util.Collection;

/**
 * One reason to reconcile an app.
 *
 * @param reason      why
 * @param syncRequest the request from the sync-requests topic; null for other reasons
 */
public record ReconcileRequest(ReconcileReason reason, SyncRequested syncRequest) {

    public static ReconcileRequest of(ReconcileReason reason) {
        return new ReconcileRequest(reason, null);
    }

    public static ReconcileRequest sync(SyncRequested request) {
        return new ReconcileRequest(ReconcileReason.SYNC_REQUESTED, request);
    }

    /** The strongest of requests that arrived while the app was busy; the latest sync request wins among those. */
    public static ReconcileRequest merge(Collection<ReconcileRequest> requests) {
        ReconcileRequest strongest = null;
        for (ReconcileRequest request : requests) {
            if (strongest == null || request.reason().compareTo(strongest.reason()) >= 0) {
                strongest = request;
            }
        }
        return strongest == null ? of(ReconcileReason.LIVE_CHANGED) : strongest;
    }
}
