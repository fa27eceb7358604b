/**
 * One reconcile of one app as named steps (compare, then sync in waves and prune) run one worker per app, with every
 * failure handled in one place and the status and events written whatever happened. Talking to the cluster is
 * {@code cluster}'s and {@code apply}'s; computing the diff is the engine's.
 */
package dev.plumbline.reconciler.reconcile;
