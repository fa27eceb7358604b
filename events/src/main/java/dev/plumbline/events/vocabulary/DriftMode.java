package dev.plumbline.events.vocabulary;

/** What the drift-auditor does when live differs from desired. An Application that says nothing gets {@code HEAL} when its sync policy has self-heal on, otherwise {@code WARN}. */
public enum DriftMode implements Term {
    /** Drift is neither reported nor healed. */
    OFF,
    /** Drift is reported, never healed. */
    WARN,
    /** Drift is reported and healed through a sync request, unless self-heal is paused. */
    HEAL
}
