package dev.plumbline.gitwatcher.webhook;

import dev.plumbline.servicekit.ratelimit.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deliveries allowed per sender address and receiver, checked before a body is read: a flood from one address costs
 * neither the HMAC of its bodies nor the deliveries of others. One token bucket per (address, receiver), the least
 * recently used forgotten beyond {@code maxSenders}, so memory stays bounded however many addresses send.
 */
public final class SenderRateLimit {

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets;

    public SenderRateLimit(double perSecond, int burst, int maxSenders, Clock clock) {
        // fails at start, naming the numbers, rather than at the first delivery
        new TokenBucket(perSecond, burst);
        if (maxSenders < 1) {
            throw new IllegalArgumentException(
                    "plumbline.webhook.rate-limit.max-senders must be at least 1, got " + maxSenders);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxSenders;
            }
        };
    }

    /** Zero when this delivery may go on; otherwise how long the sender should wait before the next one. */
    public Duration admit(String address, Endpoint endpoint) {
        TokenBucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(
                    endpoint.path() + ' ' + address, sender -> new TokenBucket(perSecond, burst));
        }
        return bucket.tryTake(clock.instant());
    }

    /** The wait in whole seconds, as {@code Retry-After} gives it: rounded up, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }
}
