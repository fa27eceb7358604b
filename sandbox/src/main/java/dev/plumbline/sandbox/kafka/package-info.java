/**
 * A real single-node Kafka broker (KRaft) in the JVM: ephemeral for tests (shared per JVM, or as the Quarkus test
 * resource), persistent for one-machine runs. The topics themselves are created by the services, never here.
 */
package dev.plumbline.sandbox.kafka;
