/**
 * The topics Plumbline talks through and how each is created (partitions, cleanup policy, configs). Which principal
 * may write and read which topic, and use which consumer groups, is {@link dev.plumbline.events.topic.BusAccess}'s,
 * the one source of the bus's ACLs; creating topics and ACLs on a broker is {@code kafka}'s.
 */
package dev.plumbline.events.topic;
