/** The one token bucket that paces calls out of a service: Kubernetes API requests and notification deliveries. */
package dev.plumbline.servicekit.ratelimit;
