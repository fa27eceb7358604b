/**
 * Everything between the reconciler and the API server: the one client, discovery of kinds, informer caches of tracked
 * live objects, a rate limit, retries and a circuit breaker, and counts of requests by verb. It decides nothing about
 * apps.
 */
package dev.plumbline.reconciler.cluster;
