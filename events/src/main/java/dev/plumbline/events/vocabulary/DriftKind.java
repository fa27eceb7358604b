package dev.plumbline.events.vocabulary;

/** How a live object differs from what Git wants. */
public enum DriftKind implements Term {
    /** One or more fields differ. */
    MODIFIED,
    /** A managed object was deleted from the cluster. */
    DELETED,
    /** An object carries Plumbline's tracking label but no app wants it. */
    ORPHAN
}
