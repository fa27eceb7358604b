package dev.plumbline.events.vocabulary;

/** How a watched ref moved between two commit events. */
public enum RefUpdateKind implements Term {
    /** First sight of the ref since it began to be watched: there is no before. */
    INITIAL,
    /** The new commit descends from the old one. */
    FAST_FORWARD,
    /** The new commit does not descend from the old one (a force-push or a reset). */
    FORCED,
    /** The branch or tag was deleted: there is no after and no artifact. */
    DELETED
}
