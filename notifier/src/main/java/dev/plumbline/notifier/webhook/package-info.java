/**
 * Generic webhooks: the JSON payload documented in docs/notifier.md, signed with HMAC-SHA256, and the receiver's
 * answers read as delivered, retry later, or refused for good. Retrying is {@code delivery}'s.
 */
package dev.plumbline.notifier.webhook;
