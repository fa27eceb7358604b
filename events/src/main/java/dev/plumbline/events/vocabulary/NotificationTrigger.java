package dev.plumbline.events.vocabulary;

/** Occasions a person can subscribe to, named as in the audit vocabulary. */
public enum NotificationTrigger implements Term {
    DRIFT_DETECTED,
    DRIFT_RECOVERED,
    SELF_HEAL_FIGHT,
    /** A new revision was deployed. */
    SYNC_SUCCEEDED,
    SYNC_FAILED,
    /** A manual app has a pending diff. */
    OUT_OF_SYNC,
    RENDER_FAILED,
    HEALTH_DEGRADED,
    SELF_HEAL_PAUSED,
    SELF_HEAL_RESUMED
}
