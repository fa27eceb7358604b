/**
 * {@code plumb app}: list, get, diff, sync, history, pause, resume and rollback, through the Kubernetes API with the
 * user's own credentials and the reconciler's read-only endpoints. A rollback is a Git commit; nothing here writes to
 * the cluster except annotations on the Application.
 */
package dev.plumbline.cli.app;
