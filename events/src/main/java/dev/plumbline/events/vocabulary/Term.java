package dev.plumbline.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A word of Plumbline's shared vocabulary. Every enum of this package implements it so that a value reads the
 * same in JSON, logs, status and messages: lower kebab-case, for example {@code out-of-sync} or
 * {@code commit-detected} (the names notification occasions and the audit trail use).
 */
public interface Term {

    /** The enum constant's name; implemented by every enum. */
    String name();

    /** The value as written in events and shown to people. */
    @JsonValue
    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
