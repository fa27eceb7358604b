/**
 * The reconciler's Kafka edge: desired state, sync requests, drift alerts, audit records and ignored commits in;
 * specs, diffs and apply actions out; an assignment that gives one instance an app's partition of every topic it
 * reads, and the topics it writes. Reconciling is {@code reconcile}'s.
 */
package dev.plumbline.reconciler.messaging;
