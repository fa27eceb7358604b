package dev.plumbline.imageupdater.promote;

/**
 * What made the image-updater look at an image: the events' {@code ImageDetectionCause}.
 *
 * @param kind       a registry notification, a poll tick or a call from CI
 * @param provider   the registry provider of a notification; null otherwise
 * @param deliveryId the notification's id; null otherwise
 * @param actor      the CI token's name, or {@code plumbline}
 */
public record Cause(Kind kind, String provider, String deliveryId, String actor) {

    public static final String PLUMBLINE = "plumbline";

    public enum Kind {
        REGISTRY_NOTIFICATION,
        POLL,
        CI
    }

    public static Cause poll() {
        return new Cause(Kind.POLL, null, null, PLUMBLINE);
    }

    public static Cause notification(String provider, String deliveryId) {
        return new Cause(Kind.REGISTRY_NOTIFICATION, provider, deliveryId, PLUMBLINE);
    }

    public static Cause ci(String tokenName) {
        return new Cause(Kind.CI, null, null, tokenName);
    }
}
