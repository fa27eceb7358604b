/**
 * The audit trail: events of every topic assembled into entries, chained per app by hash, each recorded once and
 * continued after a restart from the stored trail. Storage on Kafka is {@code messaging}'s ({@code KafkaAuditStore}).
 */
package dev.plumbline.driftauditor.audit;
