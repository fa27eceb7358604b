package dev.plumbline.notifier.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery that did not go through. Its message is safe to log and to keep in a dead letter: senders build it
 * from a status code or an exception's kind, never from a URL or a token.
 */
public final class DeliveryFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final transient Duration retryAfter;

    private DeliveryFailure(String message, boolean retryable, Duration retryAfter) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A failure that may pass (a 5xx, a timeout, a refused connection). */
    public static DeliveryFailure transientFailure(String message) {
        return new DeliveryFailure(message, true, null);
    }

    /** The destination asked to slow down and said for how long (Slack's 429 with {@code Retry-After}). */
    public static DeliveryFailure rateLimited(String message, Duration retryAfter) {
        return new DeliveryFailure(message, true, retryAfter);
    }

    /** A failure that trying again cannot mend (a 4xx: a revoked webhook, an archived channel, a bad payload). */
    public static DeliveryFailure permanent(String message) {
        return new DeliveryFailure(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
