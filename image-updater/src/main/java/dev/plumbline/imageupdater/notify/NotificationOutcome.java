package dev.plumbline.imageupdater.notify;

import java.util.List;

/** What became of one delivery, with the HTTP status the endpoint answers. */
public sealed interface NotificationOutcome {

    int status();

    /** Authentic, and names these pushed tags. */
    record Accepted(List<PushedImage> images, String deliveryId) implements NotificationOutcome {
        public Accepted {
            images = List.copyOf(images);
        }

        @Override
        public int status() {
            return 202;
        }
    }

    /** Not authentic, or no secret is configured for the provider: nothing in it is read. */
    record Refused(String reason) implements NotificationOutcome {
        @Override
        public int status() {
            return 401;
        }
    }

    /** Authentic, but not a payload of the provider's shape. */
    record Malformed(String reason) implements NotificationOutcome {
        @Override
        public int status() {
            return 400;
        }
    }

    /** Authentic and well formed, but names no pushed tag (a pull, a delete, a ping). */
    record Ignored(String reason) implements NotificationOutcome {
        @Override
        public int status() {
            return 202;
        }
    }
}
