package dev.plumbline.events.application;

import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationTrigger;
import java.util.Objects;

/**
 * One "on this trigger, tell that destination" line of an Application.
 *
 * @param trigger   the occasion
 * @param channel   Slack, email or webhook
 * @param recipient the name of a Slack destination or webhook configured in the notifier, or an email address.
 *                  Never a URL with a token in it: those are secrets and stay in the notifier's configuration.
 */
public record NotificationSubscription(NotificationTrigger trigger, NotificationChannel channel, String recipient) {

    public NotificationSubscription {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
    }
}
