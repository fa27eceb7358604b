package dev.plumbline.reconciler.apply;

/** How a prune's delete ended, when the API server did not refuse it. */
public enum Deletion {
    DELETED,
    /** It went before the request arrived: what the prune wanted holds. */
    ALREADY_GONE,
    /**
     * 409 Conflict to the UID precondition: the object under that name is no longer the one the sync decided to
     * delete (it was deleted and created again since); it was kept.
     */
    NOT_THE_OBJECT_DECIDED_ON
}
