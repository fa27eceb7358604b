package dev.plumbline.events;

import dev.plumbline.events.vocabulary.ImageDetectionKind;
import java.util.Objects;

/**
 * How the image-updater learnt of an image.
 *
 * @param kind       registry-notification, poll or ci
 * @param provider   the registry kind that sent a notification ({@code distribution}, {@code docker-hub},
 *                   {@code github}, {@code harbor}, {@code quay}); null otherwise
 * @param deliveryId the registry's id of the notification, where it gives one; null otherwise
 * @param actor      the name of the CI token that asked; null otherwise
 */
public record ImageDetectionCause(ImageDetectionKind kind, String provider, String deliveryId, String actor) {

    public ImageDetectionCause {
        Objects.requireNonNull(kind, "kind");
    }

    public static ImageDetectionCause registryNotification(String provider, String deliveryId) {
        return new ImageDetectionCause(
                ImageDetectionKind.REGISTRY_NOTIFICATION,
                Objects.requireNonNull(provider, "provider"),
                deliveryId,
                null);
    }

    public static ImageDetectionCause poll() {
        return new ImageDetectionCause(ImageDetectionKind.POLL, null, null, null);
    }

    public static ImageDetectionCause ci(String actor) {
        return new ImageDetectionCause(ImageDetectionKind.CI, null, null, Objects.requireNonNull(actor, "actor"));
    }
}
