/**
 * Drift detection for the apps of this instance: the rules (modified, deleted, orphan, Plumbline's own writes
 * excluded), drift episodes, and the single thread they run on. Healing decisions past the first request (backoff,
 * fights) are {@code heal}'s.
 */
package dev.plumbline.driftauditor.drift;
