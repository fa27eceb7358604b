package dev.plumbline.notifier.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff with jitter, the destination's own {@code Retry-After}
 * when it gave one, and a limit in attempts and in time after which the notification goes to the dead letters.
 *
 * @param initialDelay the wait after the first failure
 * @param maxDelay     the longest wait between two attempts
 * @param multiplier   how much each wait grows
 * @param jitter       the fraction by which a wait is spread at random either way, so that instances and
 *                     destinations that failed together do not retry together
 * @param maxAttempts  attempts in all, the first included
 * @param giveUpAfter  the longest time from the first attempt to the last
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
                          int maxAttempts, Duration giveUpAfter) {

    public RetryPolicy {
        if (multiplier < 1 || jitter < 0 || jitter >= 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs multiplier >= 1, 0 <= jitter < 1 and at least "
                    + "one attempt; got " + multiplier + ", " + jitter + ", " + maxAttempts);
        }
    }

    /**
     * @param attemptsMade how many attempts failed so far, at least 1
     * @param failure      the last failure
     * @param elapsed      the time since the first attempt
     * @param random       a source of numbers in [0, 1)
     * @return the wait before the next attempt; empty to give up
     */
    public Optional<Duration> next(int attemptsMade, DeliveryFailure failure, Duration elapsed,
                                   DoubleSupplier random) {
        if (!failure.retryable() || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = failure.retryAfter()
                // the destination said when: wait that long, and spread later only, never sooner
                .map(after -> after.plusMillis((long) (after.toMillis() * jitter * random.getAsDouble())))
                .orElseGet(() -> backoff(attemptsMade, random));
        if (elapsed.plus(delay).compareTo(giveUpAfter) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    private Duration backoff(int attemptsMade, DoubleSupplier random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, attemptsMade - 1.0);
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Duration.ofMillis(Math.round(capped * spread));
    }
}
