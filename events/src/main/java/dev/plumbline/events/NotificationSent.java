package dev.plumbline.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The notifier delivered one notification to one destination. The notifier reads the recent ones back when it
 * starts, so that an event delivered to it again after a restart is not told twice; others may read them as a log
 * of who was told what.
 *
 * @param dedupKey       what makes two notifications the same: {@code <occasion>/<app>/<revision>/<subject>}
 * @param occasion       what the person subscribed to (written {@code trigger}, its name in schema version 1)
 * @param channel        Slack, email or webhook
 * @param destination    the configured destination's name, or the email address; never a URL
 * @param revision       the commit SHA concerned; null when none is
 * @param objects        the objects the message listed or counted
 * @param sourceEventIds the events the notification was made from
 */
public record NotificationSent(
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
        List<ObjectIdentity> objects,
        List<String> sourceEventIds)
        implements PlumblineEvent {

    public NotificationSent {
        Envelope.check(EventType.NOTIFICATION_SENT, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(occasion, "occasion");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        objects = objects == null ? List.of() : List.copyOf(objects);
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
    }

    /** @param correlationId that of the events the notification was made from */
    public static NotificationSent of(
            String correlationId,
            String app,
            String dedupKey,
            NotificationOccasion occasion,
            NotificationChannel channel,
            String destination,
            String revision,
            List<ObjectIdentity> objects,
            List<String> sourceEventIds) {
        return new NotificationSent(
                Envelope.newEventId(),
                EventType.NOTIFICATION_SENT.schemaVersion(),
                Envelope.now(),
                PlumblineService.NOTIFIER.source(),
                correlationId,
                app,
                dedupKey,
                occasion,
                channel,
                destination,
                revision,
                objects,
                sourceEventIds);
    }

    @Override
    public EventType type() {
        return EventType.NOTIFICATION_SENT;
    }
}
