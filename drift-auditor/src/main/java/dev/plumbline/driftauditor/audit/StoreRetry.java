package dev.plumbline.driftauditor.audit;

import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;

/**
 * Tries a step that writes or reads back the audit trail until the store takes it, waiting longer after each failure
 * in a row. It never gives up on its own: a record is never dropped because the broker was away, and the caller
 * moves on (and commits its input's offset) only once it returns.
 */
public final class StoreRetry {

    /** Waits before the next try; false when the service is stopping and must not try again. */
    @FunctionalInterface
    public interface Pause {
        boolean await(Duration wait);
    }

    private static final Logger LOG = Logger.getLogger(StoreRetry.class);

    private final ExponentialBackoff backoff;
    private final Pause pause;

    public StoreRetry(ExponentialBackoff backoff, Pause pause) {
        this.backoff = backoff;
        this.pause = pause;
    }

    /**
     * Runs {@code step} until it does not throw {@link AuditStoreException}; anything else it throws is passed on.
     *
     * @param what names the input for the log, such as its topic, partition and offset
     * @throws CancellationException when the service stops before the step succeeded
     */
    public void run(String what, Runnable step) {
        for (int failures = 1; ; failures++) {
            try {
                step.run();
                if (failures > 1) {
                    LOG.infof("recorded %s in the audit trail after %d failed tries", what, failures - 1);
                }
                return;
            } catch (AuditStoreException storeFailed) {
                Duration wait = backoff.delay(failures);
                LOG.warnf(
                        "cannot store the audit record of %s (try %d), trying again in %s: %s",
                        what, failures, wait, storeFailed.getMessage());
                if (!pause.await(wait)) {
                    throw new CancellationException("stopping before " + what + " was recorded in the audit trail;"
                            + " it is read again after the restart");
                }
            }
        }
    }
}
