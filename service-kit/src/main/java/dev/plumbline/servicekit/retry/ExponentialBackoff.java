package dev.plumbline.servicekit.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before the next try after failures in a row: {@code first}, then {@code factor} times longer each
 * failure, never longer than {@code longest}; optionally spread at random by up to {@code jitter} of itself either
 * way, so that the many things that failed together do not try again together. Pure and immutable.
 *
 * @param first   the wait after the first failure
 * @param factor  how much each wait grows, at least 1
 * @param longest the longest wait, at least {@code first}
 * @param jitter  the fraction in [0, 1) by which {@link #delay(int, DoubleSupplier)} spreads a wait
 */
public record ExponentialBackoff(Duration first, double factor, Duration longest, double jitter) {

    public ExponentialBackoff {
        if (first.isNegative() || factor < 1 || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs a first wait >= 0, a factor >= 1 and a longest wait "
                    + ">= the first; got " + first + ", " + factor + ", " + longest);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is a fraction in [0, 1), got " + jitter);
        }
    }

    /** The wait after {@code failures} failures in a row, without jitter: none after none. */
    public Duration delay(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        // in double, which saturates instead of overflowing, then capped
        double nanos = first.toNanos() * Math.pow(factor, failures - 1.0);
        return nanos >= longest.toNanos() ? longest : Duration.ofNanos(Math.round(nanos));
    }

    /** The wait after {@code failures} failures, spread by the jitter; {@code random} gives numbers in [0, 1). */
    public Duration delay(int failures, DoubleSupplier random) {
        return spread(delay(failures), jitter, random);
    }

    /** {@code base} spread by up to {@code jitter} of itself either way; {@code random} gives numbers in [0, 1). */
    public static Duration spread(Duration base, double jitter, DoubleSupplier random) {
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofNanos(Math.round(base.toNanos() * factor));
    }
}
