/**
 * The topics a service writes, created once Kafka answers without holding up start-up, and the few settings that
 * name the service and its partitions. Which topics a service owns is {@code events}' {@code PlumblineService}.
 */
package dev.plumbline.servicekit.topics;
