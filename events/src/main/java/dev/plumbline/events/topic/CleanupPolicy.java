package dev.plumbline.events.topic;

import java.util.Locale;

/** Kafka's {@code cleanup.policy} of a topic. */
public enum CleanupPolicy {
    /** Records expire after the topic's retention. */
    DELETE,
    /** Only the latest record of each key is kept, so the topic holds current state; a null value deletes a key. */
    COMPACT;

    /** The value of the {@code cleanup.policy} topic config. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
