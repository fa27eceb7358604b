package dev.plumbline.events.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.util.Objects;

/**
 * One "on this occasion, tell that destination" line of an Application.
 *
 * @param occasion  what to tell of (written {@code trigger}, as in the Application's {@code spec.notifications})
 * @param channel   Slack, email or webhook
 * @param recipient the name of a Slack destination or webhook configured in the notifier, or an email address.
 *                  Never a URL with a token in it: those are secrets and stay in the notifier's configuration.
 */
public record NotificationSubscription(
        @JsonProperty("trigger") NotificationOccasion occasion, NotificationChannel channel, String recipient) {

    public NotificationSubscription {
        Objects.requireNonNull(occasion, "occasion");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
    }
}
