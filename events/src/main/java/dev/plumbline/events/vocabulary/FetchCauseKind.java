package dev.plumbline.events.vocabulary;

/** What made the git-watcher fetch a repository: the kind of a {@link dev.plumbline.events.git.FetchCause}. */
public enum FetchCauseKind implements Term {
    /** A verified webhook; it only nudged a fetch, the fetched ref is the truth. */
    WEBHOOK,
    POLL,
    /** A person asked for a fetch ({@code POST /api/repos/refresh}). */
    MANUAL,
    /** A ref began to be watched: an Application appeared or changed its source. */
    WATCH_STARTED
}
