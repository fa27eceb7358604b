package dev.plumbline.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The checks and defaults every event's envelope shares, kept in one place so that records stay declarations. */
final class Envelope {

    private Envelope() {}

    static String newEventId() {
        return UUID.randomUUID().toString();
    }

    static Instant now() {
        return Instant.now();
    }

    static void check(
            EventType type, String eventId, int schemaVersion, Instant time, String source, String correlationId) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(correlationId, "correlationId");
        if (!type.reads(schemaVersion)) {
            throw new IllegalArgumentException(
                    type.typeName() + " has schema versions " + type.supportedVersions() + ", not " + schemaVersion);
        }
    }
}
