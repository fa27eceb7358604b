package dev.plumbline.notifier.delivery;

/**
 * A message ready for one destination.
 *
 * @param id    the delivery id: the same for every attempt and after a restart, so receivers can drop repeats
 * @param title the one-line title
 * @param text  the plain text
 * @param body  what is sent: Slack or webhook JSON, or the email's HTML
 */
public record Outgoing(String id, String title, String text, String body) {}
