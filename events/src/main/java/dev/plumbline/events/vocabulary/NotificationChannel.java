package dev.plumbline.events.vocabulary;

/** Where the notifier sends a message. Addresses that are secrets (Slack webhook URLs) live in the notifier's configuration, never in an Application. */
public enum NotificationChannel implements Term {
    SLACK,
    EMAIL,
    WEBHOOK
}
