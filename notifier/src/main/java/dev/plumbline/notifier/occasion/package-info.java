/**
 * Which notification occasions an event gives rise to (sync succeeded or failed, out-of-sync, health degraded,
 * render failed, drift, fights, pauses), with the per-app memory some of them need. Turning occurrences into
 * messages is {@code aggregate}'s and {@code template}'s.
 */
package dev.plumbline.notifier.occasion;
