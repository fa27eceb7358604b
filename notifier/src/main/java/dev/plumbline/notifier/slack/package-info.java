/**
 * Slack incoming webhooks: the Block Kit body, and Slack's answers read as delivered, retry later, or refused for
 * good. Retrying is {@code delivery}'s.
 */
package dev.plumbline.notifier.slack;
