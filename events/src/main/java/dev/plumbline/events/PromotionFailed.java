package dev.plumbline.events;

import dev.plumbline.events.vocabulary.PromotionFailureReason;
import java.time.Instant;
import java.util.Objects;

/**
 * A promotion, or the look at the registry before one, failed. Emitted once when an image's state changes to
 * failing (or to failing for another reason), not on every retry.
 *
 * @param repository    the image repository
 * @param tag           the tag being promoted; null when the failure came before one was chosen
 * @param digest        its digest; null when not known
 * @param reason        what failed, in words a metric can count
 * @param message       what happened and what to do, without any token or password
 * @param nextAttemptAt when it is tried again; null when it is not retried by itself
 */
public record PromotionFailed(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String repository,
        String tag,
        String digest,
        PromotionFailureReason reason,
        String message,
        Instant nextAttemptAt)
        implements PlumblineEvent {

    public PromotionFailed {
        Envelope.check(EventType.PROMOTION_FAILED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public static PromotionFailed of(
            String correlationId,
            String app,
            String repository,
            String tag,
            String digest,
            PromotionFailureReason reason,
            String message,
            Instant nextAttemptAt) {
        return new PromotionFailed(
                Envelope.newEventId(),
                EventType.PROMOTION_FAILED.schemaVersion(),
                Envelope.now(),
                PlumblineService.IMAGE_UPDATER.source(),
                correlationId,
                app,
                repository,
                tag,
                digest,
                reason,
                message,
                nextAttemptAt);
    }

    @Override
    public EventType type() {
        return EventType.PROMOTION_FAILED;
    }
}
