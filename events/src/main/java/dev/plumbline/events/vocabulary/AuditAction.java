package dev.plumbline.events.vocabulary;

/** What one audit record says happened. */
public enum AuditAction implements Term {
    COMMIT_DETECTED,
    /** A commit that no Application's path or branch covers, with the explanation. */
    COMMIT_IGNORED,
    RENDERED,
    RENDER_FAILED,
    /** A render or render failure whose signature did not verify: it was not taken as desired state. */
    RENDER_UNTRUSTED,
    DIFF_COMPUTED,
    APPLIED,
    PRUNED,
    /** An object that existed without Plumbline's marks was taken over by a sync ({@code syncPolicy.adoptExisting}). */
    ADOPTED,
    /** An apply started by self-heal. */
    HEALED,
    APPLY_FAILED,
    /** An object was refused because it lies outside what the Application's project allows. */
    APPLY_REFUSED,
    /** The Application's repository is not among its project's source repositories: nothing is fetched. */
    SOURCE_NOT_PERMITTED,
    /** The commit a ref moved to is not signed by a key the Application's project lists: it is not deployed. */
    COMMIT_REFUSED,
    DRIFT_DETECTED,
    DRIFT_RECOVERED,
    SELF_HEAL_FIGHT,
    HEAL_REQUESTED,
    SYNC_REQUESTED,
    ROLLBACK_REQUESTED,
    PAUSED,
    RESUMED,
    /** The image-updater saw an image an image policy follows, and chose it or said why not. */
    IMAGE_DETECTED,
    /** A pull request bringing an image into the config repository was opened or updated. */
    PROMOTION_PROPOSED,
    /** A promotion reached the target branch: its pull request merged, or a direct commit pushed. */
    PROMOTION_MERGED,
    PROMOTION_FAILED
}
