package dev.plumbline.events.vocabulary;

/** What a sync would do, or did, to one object. */
public enum ChangeType implements Term {
    CREATE,
    UPDATE,
    DELETE,
    UNCHANGED
}
