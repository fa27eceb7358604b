package dev.plumbline.events.vocabulary;

/** How a drift episode ended. */
public enum DriftResolution implements Term {
    /** Plumbline's self-heal put desired state back. */
    HEALED,
    /** Someone else put the live object back as desired. */
    LIVE_RESTORED,
    /** Git changed so that desired now matches live. */
    DESIRED_CHANGED
}
