/**
 * When self-heal may ask again (Argo CD's backoff) and when it must stop: a field another writer keeps reverting is a
 * fight, left to a person. The sync itself is the reconciler's, asked for through {@code plumbline.sync-requests}.
 */
package dev.plumbline.driftauditor.heal;
