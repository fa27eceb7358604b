/**
 * The events every service exchanges: one record per event type with its envelope,
 * {@link dev.plumbline.events.EventType} naming its CloudEvents type, schema version and topic,
 * {@link dev.plumbline.events.EventJson} as the one JSON form, and the audit hash chain. It holds contracts only: no
 * service logic, no Kafka clients (see {@code kafka}); docs/events.md describes every event.
 */
package dev.plumbline.events;
