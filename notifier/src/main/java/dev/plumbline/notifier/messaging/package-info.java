/**
 * The notifier's Kafka edge: the source topics in, each record acknowledged once everything made from it is done; the
 * delivery log and dead letters out; the start-up gate that waits for what was already told and for every
 * subscription. Triggers, aggregation and delivery are the other packages'.
 */
package dev.plumbline.notifier.messaging;
