/** The keys a service signs its events with and the keys it trusts other services' events by, from configuration. */
package dev.plumbline.servicekit.signing;
