package dev.plumbline.notifier.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket per destination: {@code perSecond} messages a second on average, {@code burst} at once. Slack
 * allows about one message a second per incoming webhook; keeping under that avoids 429s in the first place.
 * A caller reserves a slot and waits the returned time before sending. Thread-safe.
 */
public final class RateLimit {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private Instant last;

    public RateLimit(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1, got "
                    + perSecond + "/s and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes the next slot; returns how long to wait before using it (zero when a token is free). */
    public synchronized Duration reserve(Instant now) {
        if (last != null && now.isAfter(last)) {
            double refill = Duration.between(last, now).toNanos() / 1e9 * perSecond;
            tokens = Math.min(burst, tokens + refill);
        }
        if (last == null || now.isAfter(last)) {
            last = now;
        }
        tokens -= 1;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(-tokens / perSecond * 1e9));
    }
}
