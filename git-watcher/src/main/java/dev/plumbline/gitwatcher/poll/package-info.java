/**
 * When each watched repository is fetched: on start of watching, on a nudge, on its poll timer, with backoff after
 * failures and at most one fetch at a time. The fetch itself is {@code repo}'s.
 */
package dev.plumbline.gitwatcher.poll;
