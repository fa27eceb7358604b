/**
 * An Application's status: computed from the previous one and what a reconcile found (conditions, sync history,
 * health), equal when nothing changed, and written with a merge patch of the status subresource. Deciding what a
 * reconcile found is {@code reconcile}'s.
 */
package dev.plumbline.reconciler.status;
