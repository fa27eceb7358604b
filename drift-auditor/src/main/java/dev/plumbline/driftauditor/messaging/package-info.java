/**
 * The drift-auditor's Kafka edge: Applications, desired state, commits and audit inputs in; drift alerts, fights,
 * recoveries, heal requests and audit records out; which apps are this instance's by partition, and the topics it
 * writes. The rules are in {@code drift}, {@code heal} and {@code audit}.
 */
package dev.plumbline.driftauditor.messaging;
