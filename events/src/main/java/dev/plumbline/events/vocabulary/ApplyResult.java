package dev.plumbline.events.vocabulary;

/** The outcome of one apply or prune. */
public enum ApplyResult implements Term {
    SUCCEEDED,
    FAILED,
    /** The object lies outside what the Application may touch (its namespace and allow-lists). */
    REFUSED,
    /** Not attempted, because another object of the same sync was refused or an earlier wave failed. */
    SKIPPED
}
