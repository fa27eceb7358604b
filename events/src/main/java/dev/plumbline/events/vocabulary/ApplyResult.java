package dev.plumbline.events.vocabulary;

/** The outcome of one apply or prune. */
public enum ApplyResult implements Term {
    SUCCEEDED,
    FAILED,
    /** The object lies outside what the Application may touch (its namespace and allow-lists). */
    REFUSED,
    /**
     * Not done: another object of the same sync was refused or an earlier wave failed; or, for a prune, the object is
     * not provably the app's, or the API server found a different object under its name (the error says which).
     */
    SKIPPED
}
