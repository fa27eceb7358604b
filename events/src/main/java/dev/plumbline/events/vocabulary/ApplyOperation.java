package dev.plumbline.events.vocabulary;

/** What the reconciler did to one object in a sync. */
public enum ApplyOperation implements Term {
    /** Server-side apply (create or update). */
    APPLY,
    /** Delete of an object the app owned and Git no longer has. */
    PRUNE,
    /**
     * Server-side apply that took over a desired object which existed live without Plumbline's marks (created by hand
     * or by another tool), allowed by the Application's {@code syncPolicy.adoptExisting}.
     */
    ADOPT
}
