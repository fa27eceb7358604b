package dev.plumbline.reconciler.reconcile;

import dev.plumbline.events.application.Retry;
import dev.plumbline.reconciler.apply.ApplyFailure.Retrying;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Duration;
import java.util.Optional;

/**
 * When a failed sync is tried again: waits of {@code backoff}, multiplied by {@code factor} each time, capped at
 * {@code maxBackoff}. The Application's {@code limit} applies to causes that stay until the desired state changes; a
 * cause that can go away without it (a namespace or CRD still to come, an API server away) is retried at the capped
 * wait for as long as it lasts, and an invalid manifest is not retried at all.
 */
final class SyncRetries {

    private SyncRetries() {}

    /** @return the wait before retry number {@code attempt} (1 for the first), or empty when there is none */
    static Optional<Duration> wait(int attempt, Retry retry, Retrying retrying) {
        if (retrying == Retrying.NEVER || retrying == Retrying.LIMITED && attempt > retry.limit()) {
            return Optional.empty();
        }
        // nothing checks that an Application's maxDuration is at least its duration: the smaller one wins
        Duration first = retry.backoff().compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : retry.backoff();
        return Optional.of(
                new ExponentialBackoff(first, Math.max(1, retry.factor()), retry.maxBackoff(), 0).delay(attempt));
    }
}
