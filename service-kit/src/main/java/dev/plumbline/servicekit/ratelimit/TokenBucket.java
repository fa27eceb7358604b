package dev.plumbline.servicekit.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: {@code perSecond} tokens a second on average, at most {@code burst} saved up. A caller reserves a
 * token and waits the time {@link #reserve} returns before using it (zero when one was free), so a burst of callers
 * is spread out instead of let through. Reservations queue up: the tenth caller of an empty bucket waits for the
 * tenth token. Thread-safe. Time comes from the caller ({@link #reserve(Instant)}) or from
 * {@link System#nanoTime()} ({@link #acquire()}); one bucket uses one of the two.
 */
public final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private Long lastNanos;

    public TokenBucket(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1, got "
                    + perSecond + "/s and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes the next token; returns how long to wait at {@code now} before using it. */
    public Duration reserve(Instant now) {
        return Duration.ofNanos(reserve(TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano()));
    }

    /**
     * Takes a token if one is free at {@code now} and returns zero; otherwise takes nothing and returns how long until
     * one is. For callers that turn the excess away rather than queue it: a caller that keeps trying is not pushed
     * further back.
     */
    public Duration tryTake(Instant now) {
        long nowNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        synchronized (this) {
            refill(nowNanos);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
        }
    }

    /** Takes a token, waiting (parked) until it is due. */
    public void acquire() {
        long now = System.nanoTime();
        long due = now + reserve(now);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Takes the next token at {@code nowNanos}; returns the nanoseconds to wait. A clock going back refills nothing. */
    private synchronized long reserve(long nowNanos) {
        refill(nowNanos);
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perSecond * 1e9);
    }

    private void refill(long nowNanos) {
        if (lastNanos != null && nowNanos > lastNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
        }
        if (lastNanos == null || nowNanos > lastNanos) {
            lastNanos = nowNanos;
        }
    }
}
