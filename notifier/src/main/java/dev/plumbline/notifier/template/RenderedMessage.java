package dev.plumbline.notifier.template;

/**
 * A notification written out for people, once for every format the channels need.
 *
 * @param title    one line: Slack's header and notification text, the email subject, the webhook's title
 * @param text     plain text: Slack's fallback, the email's text part, the webhook's text
 * @param markdown Slack mrkdwn for the message's main section
 * @param html     the email's HTML part
 * @param view     what the templates saw, for channels that build structure around the texts
 */
public record RenderedMessage(String title, String text, String markdown, String html, MessageView view) {}
