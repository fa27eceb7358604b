package dev.plumbline.events.vocabulary;

/** The health of one object or of an Application (the worst of its objects), as Argo CD users know it. */
public enum HealthStatus implements Term {
    HEALTHY,
    PROGRESSING,
    DEGRADED,
    SUSPENDED,
    /** Wanted by Git but absent from the cluster. */
    MISSING,
    UNKNOWN
}
