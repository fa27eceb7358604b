package dev.plumbline.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The image-updater saw an image of a repository an Application's image policy follows, and chose it for
 * promotion or left it alone.
 *
 * @param repository     the image repository as the config files write it, such as {@code 127.0.0.1:5000/shop/web}
 * @param tag            the tag seen
 * @param digest         the manifest digest the tag named, {@code sha256:<hex>}
 * @param created        the image config's {@code created}; null when the image does not say
 * @param sourceRevision the OCI annotation {@code org.opencontainers.image.revision}; null when absent
 * @param sourceUrl      the OCI annotation {@code org.opencontainers.image.source}; null when absent
 * @param cause          a registry notification, a poll or a call from CI
 * @param selected       whether the policy chose it as the image to promote
 * @param explanation    why it was chosen or ignored, such as {@code 1.3.0-rc.1 is outside ~1.2}
 */
public record ImageDetected(
        String eventId,
        int schemaVersion,
        Instant time,
        String source,
        String correlationId,
        String app,
        String repository,
        String tag,
        String digest,
        Instant created,
        String sourceRevision,
        String sourceUrl,
        ImageDetectionCause cause,
        boolean selected,
        String explanation)
        implements PlumblineEvent {

    public ImageDetected {
        Envelope.check(EventType.IMAGE_DETECTED, eventId, schemaVersion, time, source, correlationId);
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(explanation, "explanation");
    }

    public static ImageDetected of(
            String correlationId,
            String app,
            String repository,
            String tag,
            String digest,
            Instant created,
            String sourceRevision,
            String sourceUrl,
            ImageDetectionCause cause,
            boolean selected,
            String explanation) {
        return new ImageDetected(
                Envelope.newEventId(),
                EventType.IMAGE_DETECTED.schemaVersion(),
                Envelope.now(),
                PlumblineService.IMAGE_UPDATER.source(),
                correlationId,
                app,
                repository,
                tag,
                digest,
                created,
                sourceRevision,
                sourceUrl,
                cause,
                selected,
                explanation);
    }

    /** The image as one reference, {@code repository:tag@digest}. */
    public String reference() {
        return repository + ":" + tag + "@" + digest;
    }

    @Override
    public EventType type() {
        return EventType.IMAGE_DETECTED;
    }
}
