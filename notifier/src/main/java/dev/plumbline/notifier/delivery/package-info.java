/**
 * Delivery of each notification to each subscribed destination through its own worker: rate limit, circuit breaker,
 * timeout, retries with backoff, dead letters and metrics that never name a URL. The channels' formats are in
 * {@code slack}, {@code email} and {@code webhook}.
 */
package dev.plumbline.notifier.delivery;
