package dev.plumbline.events.vocabulary;

/** Where the approvers of a merged promotion were read. */
public enum ApprovalSource implements Term {
    /** The Git host's pull-request reviews. */
    HOST,
    /** {@code Approved-by:} trailers of the merged commits, when the host said nothing. */
    TRAILER,
    /** Nowhere: a direct promotion, or a merge nobody approved. */
    NONE
}
