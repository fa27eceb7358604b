package dev.plumbline.reconciler.cluster;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket in front of the API server, as client-go has and fabric8 lacks: {@code qps} tokens a second, at
 * most {@code burst} saved up. A caller without a token waits for one, so a burst of syncs slows down rather than
 * floods the API server.
 */
public final class RequestRateLimiter {

    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long refilledAt;

    public RequestRateLimiter(double qps, int burst) {
        if (qps <= 0 || burst < 1) {
            throw new IllegalArgumentException("plumbline.kube.qps must be above 0 and plumbline.kube.burst at least 1");
        }
        this.tokensPerNano = qps / TimeUnit.SECONDS.toNanos(1);
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = System.nanoTime();
    }

    /** Takes a token, waiting until one is there. */
    public void acquire() {
        long wait;
        while ((wait = reserve()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Takes a token and returns 0, or returns how long until the next one. */
    synchronized long reserve() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }
}
