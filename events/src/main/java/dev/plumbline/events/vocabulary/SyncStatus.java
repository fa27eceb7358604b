package dev.plumbline.events.vocabulary;

/** Whether the live objects of an Application match what Git wants. */
public enum SyncStatus implements Term {
    SYNCED,
    OUT_OF_SYNC,
    /** Not compared yet, or the comparison failed (render failed, cluster unreachable). */
    UNKNOWN
}
