package dev.plumbline.gitwatcher.poll;

import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a repository again: the poll interval while it works; after failures, a delay doubling from the first
 * backoff up to the longest, so a host that is down is not hammered and one that comes back is seen soon. Every delay
 * is spread by the jitter fraction, so that many repositories started together do not fetch together.
 */
public record Backoff(Duration interval, double jitter, Duration first, Duration longest) {

    public Backoff {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is a fraction in [0, 1), got " + jitter);
        }
        if (interval.isNegative() || interval.isZero() || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the poll interval and the first backoff are positive durations");
        }
    }

    /** The delay before the next fetch after {@code failures} failures in a row (0 after a success). */
    public Duration next(int failures, RandomGenerator random) {
        Duration base = failures == 0 ? interval : backoff(failures);
        return ExponentialBackoff.spread(base, jitter, random::nextDouble);
    }

    Duration backoff(int failures) {
        // a longest wait below the first one caps every wait, the first included
        Duration firstWait = first.compareTo(longest) > 0 ? longest : first;
        return new ExponentialBackoff(firstWait, 2, longest, jitter).delay(failures);
    }
}
