package dev.plumbline.events;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The notifier delivered one notification to one destination. The notifier reads the recent ones back when it
 * starts, so that an event delivered to it again after a restart is not told twice; others may read them as a log
 * of who was told what.
 *
 * @param dedupKey       what makes two notifications the same: {@code <trigger>/<app>/<revision>/<subject>}
 * @param trigger        the occasion
 * @param channel        Slack, email or webhook
 * @param destination    the configured destination's name, or the email address; never a URL
 * @param revision       the commit SHA concerned; null when none is
 * @param objects        the objects the message listed or counted
 * @param sourceEventIds the events the notification was made from
 */
public record NotificationSent(String eventId, int schemaVersion, Instant time, String source, String correlationId,
                               String app, String dedupKey, NotificationTrigger trigger, NotificationChannel channel,
                               String destination, String revision, List<ObjectIdentity> objects,
                               List<String> sourceEventIds) implements PlumblineEvent {

    public NotificationSent {
        Envelope.check(EventType.NOTIFICATION_SENT, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        objects = objects == null ? List.of() : List.copyOf(objects);
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
    }

    /** @param correlationId that of the events the notification was made from */
    public static NotificationSent of(String correlationId, String app, String dedupKey, NotificationTrigger trigger,
                                      NotificationChannel channel, String destination, String revision,
                                      List<ObjectIdentity> objects, List<String> sourceEventIds) {
        return new NotificationSent(Envelope.newEventId(), EventType.NOTIFICATION_SENT.schemaVersion(),
                Envelope.now(), PlumblineService.NOTIFIER.source(), correlationId, app, dedupKey, trigger, channel,
                destination, revision, objects, sourceEventIds);
    }

    @Override
    public EventType type() {
        return EventType.NOTIFICATION_SENT;
    }
}
