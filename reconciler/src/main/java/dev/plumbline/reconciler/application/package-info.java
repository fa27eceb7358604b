/**
 * The Application custom resource (the CRD is generated from these classes at build time), its reading into the
 * {@link dev.plumbline.events.ApplicationSpec} other services receive, and the watch that publishes it. Writing its
 * status is {@code status}'s.
 */
package dev.plumbline.reconciler.application;
