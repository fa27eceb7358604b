/**
 * What an app owns in the cluster, read from the tracking marks on live objects, and what a sync of it may prune.
 * Deleting is the reconciler's; this package only decides.
 */
package dev.plumbline.engine.inventory;
