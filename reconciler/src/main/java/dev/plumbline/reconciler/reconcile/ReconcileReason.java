package dev.plumbline.reconciler.reconcile;

/**
 * Why an app is reconciled; not a sync trigger, which says what started a sync. Requests that pile up while the app
 * is busy are merged into the strongest.
 */
public enum ReconcileReason {
    /** One of its objects changed live: compare and report; never apply (healing is the drift-auditor's call). */
    LIVE_CHANGED,
    /** A failed sync is tried again. */
    RETRY,
    /** A new render or a changed Application: apply when automated. */
    DESIRED_CHANGED,
    /** A sync was asked for (sync-requests topic or the sync annotation): apply, automated or not. */
    SYNC_REQUESTED
}
