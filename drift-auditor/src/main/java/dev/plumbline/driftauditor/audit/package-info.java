/**
 * The audit trail: events of every topic assembled into entries, chained per app by hash and signed, each recorded
 * once and continued after a restart from the stored trail, which is verified when it is read back. Storage on Kafka
 * is {@code messaging}'s ({@code KafkaAuditStore}).
 */
package dev.plumbline.driftauditor.audit;
