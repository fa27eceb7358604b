/**
 * The git-watcher's HTTP endpoints: webhook deliveries, commit artifacts, the watched repositories with their state,
 * and errors as JSON without stack traces. Verifying and reading deliveries is {@code webhook}'s.
 */
package dev.plumbline.gitwatcher.rest;
