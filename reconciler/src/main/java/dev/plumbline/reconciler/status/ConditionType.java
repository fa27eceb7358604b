package dev.plumbline.reconciler.status;

/**
 * The conditions an Application's status can carry. As in Argo CD, a condition is present only while it holds, and
 * its message says what is wrong and what to do.
 */
public enum ConditionType {
    /** The spec or an operational annotation cannot be read. */
    InvalidSpec,
    /** No render of the app's current source has arrived yet (none at all, or only renders of an earlier source). */
    WaitingForRender,
    /** The latest render failed; the last good one stays in force. */
    RenderFailed,
    /**
     * The latest render (or render failure) did not verify against the renderer's trusted keys: it was not applied,
     * and the previous desired state stays in force until a correctly signed render arrives.
     */
    RenderUntrusted,
    /** The comparison with the cluster failed (a bad sync-wave, an unreachable cluster). */
    ComparisonFailed,
    /**
     * The Application's repository is not among its project's {@code sourceRepos} (or the project does not exist):
     * nothing is fetched, rendered or applied.
     */
    SourceNotPermitted,
    /**
     * The render holds objects outside what the Application's project allows (a namespace, a cluster-scoped kind, a
     * denied kind): nothing of the sync was applied.
     */
    ResourceNotPermitted,
    /**
     * The commit the target revision points at is not signed by a key the project lists: it is not rendered, and
     * the last deployed revision stays in force.
     */
    UnsignedCommit,
    /**
     * The API server refused a write or read made as the project's ServiceAccount; the message names the verb, the
     * kind and the ServiceAccount.
     */
    Forbidden,
    /** The render holds objects another Application owns: nothing of the sync was applied. */
    SyncRefused,
    /** The last sync failed; it is retried with backoff. */
    SyncFailed,
    /** Objects no longer in Git are kept: prune is off, or the render was empty without allowEmpty. */
    PruneWithheld,
    /**
     * Objects of the render exist in the cluster without Plumbline's tracking marks (created by hand or by another
     * tool): they are not applied while {@code spec.syncPolicy.adoptExisting} is off.
     */
    AdoptionRefused,
    /**
     * Live objects carry this Application's label and annotation but no tracking id naming them (marked by hand,
     * marks copied, or applied before tracking ids): they are never pruned.
     */
    OwnershipUnproven,
    /**
     * A sync request on {@code plumbline.sync-requests} was not done: only heals of apps with self-heal on travel
     * there; a manual sync is the sync annotation, set with a person's own credentials.
     */
    SyncRequestRefused,
    /** A self-heal was asked for while a person paused self-heal. */
    SelfHealPaused,
    /** A sync to a revision other than the latest render was asked for; only the latest render can be synced. */
    RevisionUnavailable,
    /** The latest commit on the repository deployed nothing for this app; gone once a newer commit is rendered. */
    CommitIgnored
}
