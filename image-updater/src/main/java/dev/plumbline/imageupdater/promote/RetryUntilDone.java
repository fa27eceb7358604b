package dev.plumbline.imageupdater.promote;

import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;

/**
 * Tries a step whose input may be acknowledged only once it succeeded (telling a merge) until it does, waiting longer
 * after each failure in a row. It never gives up on its own, so a merge is never lost because Kafka was away; when
 * the service stops first, the caller leaves its input unacknowledged, to be read again after the restart.
 */
public final class RetryUntilDone {

    /** Waits before the next try; false when the service is stopping and must not try again. */
    @FunctionalInterface
    public interface Pause {
        boolean await(Duration wait);
    }

    private static final Logger LOG = Logger.getLogger(RetryUntilDone.class);

    private final ExponentialBackoff backoff;
    private final Pause pause;

    public RetryUntilDone(ExponentialBackoff backoff, Pause pause) {
        this.backoff = backoff;
        this.pause = pause;
    }

    /**
     * Runs {@code step} until it returns without throwing.
     *
     * @param what names the input for the log, such as the commit and the image
     * @throws CancellationException when the service stops before the step succeeded
     */
    public void run(String what, Runnable step) {
        for (int failures = 1; ; failures++) {
            try {
                step.run();
                if (failures > 1) {
                    LOG.infof("%s done after %d failed tries", what, failures - 1);
                }
                return;
            } catch (RuntimeException failed) {
                Duration wait = backoff.delay(failures);
                LOG.warnf("%s failed (try %d), trying again in %s: %s", what, failures, wait, failed.getMessage());
                if (!pause.await(wait)) {
                    throw new CancellationException(
                            "stopping before " + what + " was done; its record is read again after the restart");
                }
            }
        }
    }
}
