/**
 * The head of each app's audit trail, kept in its Application's status outside Kafka: which record of
 * {@code plumbline.audit} may move it (signed by the drift-auditor, following the head). Reading the topic is
 * {@code messaging}'s, writing the status {@code status}'s.
 */
package dev.plumbline.reconciler.audit;
