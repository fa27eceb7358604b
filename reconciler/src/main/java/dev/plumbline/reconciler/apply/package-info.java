/**
 * Writes to the cluster for a sync: server-side apply with force as Plumbline's field manager, removal of entries and
 * fields Git no longer has, deletes for prunes. What to apply, in which order, is decided in {@code reconcile} and the
 * engine.
 */
package dev.plumbline.reconciler.apply;
