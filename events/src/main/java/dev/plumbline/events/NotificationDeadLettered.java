package dev.plumbline.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A notification the notifier gave up on after every retry, or that its destination refused for good. It carries
 * the message as it would have been sent, so that a person can read it and a tool can send it again.
 *
 * @param dedupKey       what makes two notifications the same: {@code <occasion>/<app>/<revision>/<subject>}
 * @param occasion       what the person subscribed to (written {@code trigger}, its name in schema
 *                       version 1)
 * @param channel        Slack, email or webhook
 * @param destination    the configured destination's name, or the email address; never a URL
 * @param revision       the commit SHA concerned; null when none is
 * @param title          the message's one-line title
 * @param text           the message as plain text
 * @param payload        the exact body that was to be sent (Slack or webhook JSON, or the email's HTML)
 * @param attempts       how many times delivery was tried
 * @param lastError      why the last try failed, without any address or token
 * @param firstAttemptAt when the first try was made
 * @param sourceEventIds the events the notification was made from
 */
public record NotificationDeadLettered(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String dedupKey,
        @JsonProperty("trigger") NotificationOccasion occasion,
        NotificationChannel channel,
        String destination,
        String revision,
        String title,
        String text,
        String payload,
        int attempts,
        String lastError,
        Instant firstAttemptAt,
        List<String> sourceEventIds)
        implements PlumblineEvent {

    public NotificationDeadLettered {
        Envelope.check(EventType.NOTIFICATION_DEAD_LETTERED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(occasion, "occasion");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(lastError, "lastError");
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
    }

    /** @param correlationId that of the events the notification was made from */
    public static NotificationDeadLettered of(
            String correlationId,
            String app,
            String dedupKey,
            NotificationOccasion occasion,
            NotificationChannel channel,
            String destination,
            String revision,
            String title,
            String text,
            String payload,
            int attempts,
            String lastError,
            Instant firstAttemptAt,
            List<String> sourceEventIds) {
        return new NotificationDeadLettered(
                Envelope.newEventId(),
                EventType.NOTIFICATION_DEAD_LETTERED.schemaVersion(),
                Envelope.now(),
                PlumblineService.NOTIFIER.source(),
                correlationId,
                app,
                dedupKey,
                occasion,
                channel,
                destination,
                revision,
                title,
                text,
                payload,
                attempts,
                lastError,
                firstAttemptAt,
                sourceEventIds);
    }

    @Override
    public EventType type() {
        return EventType.NOTIFICATION_DEAD_LETTERED;
    }
}
