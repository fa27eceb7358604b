package dev.plumbline.driftauditor.pause;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.vocabulary.AuditAction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The self-heal pause an app's audit trail last recorded, so that a restarted service knows whether the next spec
 * pauses, resumes or repeats, and when a pause expires, without a store of its own.
 *
 * @param sourceEventId the Application spec event that paused
 * @param correlationId that event's correlation id
 * @param pause         the pause
 * @param pausedAt      when it was recorded to begin (that spec's time)
 */
public record ActivePause(String sourceEventId, String correlationId, SelfHealPause pause, Instant pausedAt) {

    /** The detail fields of a paused record, which {@code PauseTransitions} writes and {@link #from} reads. */
    public static final String UNTIL = "until";

    public static final String BY = "by";
    public static final String REASON = "reason";

    /**
     * What a record says about the pause: a paused record gives the pause, a resumed one gives empty inside, any
     * other record nothing.
     */
    public static Optional<Optional<ActivePause>> from(AuditRecord record) {
        if (record.action() == AuditAction.RESUMED) {
            return Optional.of(Optional.empty());
        }
        if (record.action() != AuditAction.PAUSED || record.details() == null) {
            return Optional.empty();
        }
        JsonNode details = record.details();
        SelfHealPause pause = new SelfHealPause(
                instant(details.path(UNTIL).asText(null)),
                details.path(BY).asText(record.actor()),
                details.path(REASON).asText(""));
        return Optional.of(Optional.of(
                new ActivePause(record.sourceEventId(), record.correlationId(), pause, record.occurredAt())));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
