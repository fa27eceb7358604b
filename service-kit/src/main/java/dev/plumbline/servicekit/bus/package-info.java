/**
 * How a service authenticates to the Kafka bus: the client properties file named by
 * {@code PLUMBLINE_KAFKA_CLIENT_PROPERTIES}, whose every entry becomes a {@code kafka.} setting of all the service's
 * Kafka clients, and the refusal to start in production without credentials. See {@code docs/service-kit.md}.
 */
package dev.plumbline.servicekit.bus;
