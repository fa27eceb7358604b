package dev.plumbline.events.vocabulary;

/**
 * What a person can subscribe to be told of, named as in the audit vocabulary. Not a trigger: a trigger starts a
 * sync.
 */
public enum NotificationOccasion implements Term {
    DRIFT_DETECTED,
    DRIFT_RECOVERED,
    SELF_HEAL_FIGHT,
    /** A new revision was deployed. */
    SYNC_SUCCEEDED,
    SYNC_FAILED,
    /**
     * The Application's project refused something: its repository, an object of its render, or an unsigned commit.
     */
    SYNC_REFUSED,
    /** A manual app has a pending diff. */
    OUT_OF_SYNC,
    RENDER_FAILED,
    HEALTH_DEGRADED,
    SELF_HEAL_PAUSED,
    SELF_HEAL_RESUMED,
    /** A pull request promoting a new image was opened or updated: it waits for a review. */
    PROMOTION_PROPOSED,
    /** A promotion reached the target branch. */
    PROMOTION_MERGED,
    /** A promotion could not be made (registry, push or Git host failed). */
    PROMOTION_FAILED
}
