/**
 * The CLI's only door to Kafka: the audit trail read whole from {@code plumbline.audit} and the demo's log of what
 * the services say on their topics, both read without a consumer group so that reading leaves no trace. Commands in
 * {@code audit} and {@code demo} use these and never a Kafka type.
 */
package dev.plumbline.cli.messaging;
