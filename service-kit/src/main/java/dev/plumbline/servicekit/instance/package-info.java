/**
 * Which instance of a service this process is: {@code plumbline.instance}, named in the Kafka client ids of the
 * work-sharing consumers and in a header of every Kubernetes request, so that the bus and the API server can tell the
 * instances of one service apart. See {@code docs/service-kit.md}.
 */
package dev.plumbline.servicekit.instance;
