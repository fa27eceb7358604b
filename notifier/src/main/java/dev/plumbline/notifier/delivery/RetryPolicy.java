package dev.plumbline.notifier.delivery;

import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff with jitter, the destination's own {@code Retry-After}
 * when it gave one, and a limit in attempts and in time after which the notification goes to the dead letters.
 *
 * @param backoff     the wait after each failure when the destination said nothing, spread at random so that
 *                    instances and destinations that failed together do not retry together
 * @param maxAttempts attempts in all, the first included
 * @param giveUpAfter the longest time from the first attempt to the last
 */
public record RetryPolicy(ExponentialBackoff backoff, int maxAttempts, Duration giveUpAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs at least one attempt; got " + maxAttempts);
        }
    }

    /**
     * @param attemptsMade how many attempts failed so far, at least 1
     * @param failure      the last failure
     * @param elapsed      the time since the first attempt
     * @param random       a source of numbers in [0, 1)
     * @return the wait before the next attempt; empty to give up
     */
    public Optional<Duration> next(int attemptsMade, DeliveryFailure failure, Duration elapsed, DoubleSupplier random) {
        if (!failure.retryable() || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = failure.retryAfter()
                // the destination said when: wait that long, and spread later only, never sooner
                .map(after -> after.plusMillis((long) (after.toMillis() * backoff.jitter() * random.getAsDouble())))
                .orElseGet(() -> backoff.delay(attemptsMade, random));
        if (elapsed.plus(delay).compareTo(giveUpAfter) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }
}
