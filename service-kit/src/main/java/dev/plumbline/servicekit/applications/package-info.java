/**
 * The catalog of Applications every service instance keeps whole, fed record by record with one policy for records it
 * cannot take, and the hook through which a service hears of each change. Plain Java: the Kafka channel that feeds it
 * is {@code messaging}'s.
 */
package dev.plumbline.servicekit.applications;
