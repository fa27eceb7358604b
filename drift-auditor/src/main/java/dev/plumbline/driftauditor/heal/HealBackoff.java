package dev.plumbline.driftauditor.heal;

import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When an app may be sent its next heal request: the first at once, then after 2 s, 6 s, 18 s ... up to 5 minutes
 * (Argo CD's self-heal backoff), so that Plumbline never fights another controller in a tight loop. An app left
 * alone for {@code reset}, or whose sync that was not a heal succeeded, starts again from no delay. Not thread-safe:
 * one app's state, used by one thread.
 */
public final class HealBackoff {

    private final ExponentialBackoff backoff;
    private final Duration reset;

    private int attempts;
    private Instant lastRequest;

    public HealBackoff(Duration initial, int factor, Duration max, Duration reset) {
        this.backoff = new ExponentialBackoff(initial, factor, max, 0);
        this.reset = reset;
    }

    /** When the next request may go; {@code now} when it may go at once. */
    public Instant nextAllowedAt(Instant now) {
        if (lastRequest == null || !now.isBefore(lastRequest.plus(reset))) {
            return now;
        }
        Instant allowed = lastRequest.plus(delayAfter(attempts));
        return allowed.isAfter(now) ? allowed : now;
    }

    /** Records a request sent at {@code now}. */
    public void requested(Instant now) {
        if (lastRequest != null && !now.isBefore(lastRequest.plus(reset))) {
            attempts = 0;
        }
        attempts++;
        lastRequest = now;
    }

    /** Forgets every request and replays those asked for before, oldest first (by the instance that held the app). */
    public void replay(List<Instant> requests) {
        reset();
        requests.forEach(this::requested);
    }

    /** Starts again from no wait: a sync that was not a heal succeeded. */
    public void reset() {
        attempts = 0;
        lastRequest = null;
    }

    public int attempts() {
        return attempts;
    }

    /** The wait after {@code sent} requests: none before the first, then initial × factor^(sent-1), capped. */
    Duration delayAfter(int sent) {
        return backoff.delay(sent);
    }
}
