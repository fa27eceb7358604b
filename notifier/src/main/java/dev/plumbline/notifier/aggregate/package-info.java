/**
 * Bursts of occurrences turned into one notification, and repeats within the dedup window suppressed. Which events
 * fire which triggers is {@code trigger}'s.
 */
package dev.plumbline.notifier.aggregate;
