package dev.plumbline.reconciler.reconcile;

import dev.plumbline.events.application.Retry;
import dev.plumbline.reconciler.apply.ApplyFailure.Retrying;
import java.time.Duration;
import java.util.Optional;

/**
 * When a failed sync is tried again: waits of {@code backoff}, multiplied by {@code factor} each time, capped at
 * {@code maxBackoff}. The Application's {@code limit} applies to causes that stay until the desired state changes; a
 * cause that can go away without it (a namespace or CRD still to come, an API server away) is retried at the capped
 * wait for as long as it lasts, and an invalid manifest is not retried at all.
 */
final class SyncRetries {

    private SyncRetries() {
    }

    /** @return the wait before retry number {@code attempt} (1 for the first), or empty when there is none */
    static Optional<Duration> wait(int attempt, Retry retry, Retrying retrying) {
        if (retrying == Retrying.NEVER || retrying == Retrying.LIMITED && attempt > retry.limit()) {
            return Optional.empty();
        }
        long max = retry.maxBackoff().toMillis();
        long wait = retry.backoff().toMillis();
        int factor = Math.max(1, retry.factor());
        for (int i = 1; i < attempt && wait < max; i++) {
            wait = wait > max / factor ? max : wait * factor;
        }
        return Optional.of(Duration.ofMillis(Math.min(wait, max)));
    }
}
