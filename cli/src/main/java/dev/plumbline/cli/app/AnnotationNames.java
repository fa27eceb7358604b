package dev.plumbline.cli.app;

/**
 * The operational annotations the reconciler and drift-auditor honour on an Application (the reconciler's
 * {@code OperationalAnnotations}): switches that are not desired state, set by a person with their own credentials.
 */
final class AnnotationNames {

    static final String PAUSED_BY = "plumbline.dev/self-heal-paused-by";
    static final String PAUSED_UNTIL = "plumbline.dev/self-heal-paused-until";
    static final String PAUSE_REASON = "plumbline.dev/self-heal-pause-reason";
    /** Who resumed self-heal and when: the pause annotations are gone, so the audit trail reads the resumer here. */
    static final String RESUMED_BY = "plumbline.dev/self-heal-resumed-by";

    static final String RESUMED_AT = "plumbline.dev/self-heal-resumed-at";
    static final String SYNC_REQUESTED_AT = "plumbline.dev/sync-requested-at";
    static final String SYNC_REQUESTED_BY = "plumbline.dev/sync-requested-by";

    private AnnotationNames() {}
}
