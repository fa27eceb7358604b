/**
 * Events on Kafka: the serializer and deserializers (CloudEvents binary-mode headers, skipping of unreadable records)
 * and the provisioning of topics to their specs at start-up. It builds on the plain Kafka clients; a service's
 * channels and Quarkus wiring live in its own {@code messaging} package.
 */
package dev.plumbline.events.kafka;
