/**
 * The kit's channel adapters and Kafka readers: the only classes of the kit that touch Kafka or reactive messaging, as
 * in every service.
 */
package dev.plumbline.servicekit.messaging;
