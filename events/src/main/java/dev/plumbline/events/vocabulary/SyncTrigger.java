package dev.plumbline.events.vocabulary;

/** What started a sync: named on sync requests, apply actions and in the Application's sync history. */
public enum SyncTrigger implements Term {
    /** A new render of an automated app. */
    AUTOMATED,
    /** The drift-auditor asked to heal drift. */
    SELF_HEAL,
    /** A person asked for a sync. */
    MANUAL,
    /** A person asked for an earlier revision. */
    ROLLBACK
}
