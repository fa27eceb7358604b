/**
 * The git-watcher's Kafka edge: Applications in from {@code plumbline.applications}, commit events out on
 * {@code plumbline.commit-events}, and the creation of the topics it writes. What to fetch and what to announce is
 * decided in {@code poll} and {@code repo}.
 */
package dev.plumbline.gitwatcher.messaging;
