/** The one exponential backoff every retry in Plumbline waits by: polls, deliveries, sync retries and heal requests. */
package dev.plumbline.servicekit.retry;
