package dev.plumbline.events.application;

import java.time.Duration;

/**
 * How a failed sync is retried: waits of {@code backoff}, multiplied by {@code factor} each time, capped at
 * {@code maxBackoff}, at most {@code limit} times.
 */
public record Retry(int limit, Duration backoff, int factor, Duration maxBackoff) {}
