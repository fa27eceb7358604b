/**
 * The reconciler's read-only HTTP views of Applications (for the CLI and people), and errors as JSON without stack
 * traces. Nothing here changes the cluster.
 */
package dev.plumbline.reconciler.rest;
