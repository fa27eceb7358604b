/**
 * The topics Plumbline talks through and how each is created (partitions, cleanup policy, configs). Which service
 * writes which topic is {@link dev.plumbline.events.PlumblineService}'s; creating them on a broker is {@code kafka}'s.
 */
package dev.plumbline.events.topic;
