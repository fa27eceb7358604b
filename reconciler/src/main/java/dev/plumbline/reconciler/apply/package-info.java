/**
 * Writes to the cluster for a sync: server-side apply with force as Plumbline's field manager, removal of entries and
 * fields Git no longer has, deletes for prunes, each made as the ServiceAccount the app's project names
 * ({@link dev.plumbline.reconciler.apply.Impersonation}). What to apply, in which order, is decided in
 * {@code reconcile} and the engine.
 */
package dev.plumbline.reconciler.apply;
