package dev.plumbline.notifier.delivery;

import dev.plumbline.events.vocabulary.NotificationChannel;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one notification goes: a channel and, within it, a destination configured in the notifier (a Slack
 * webhook or generic webhook by name) or an email address. Written {@code slack:shop-alerts},
 * {@code email:ops@example.com}, {@code webhook:pager}.
 */
public record Target(NotificationChannel channel, String destination) {

    public Target {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
    }

    /** @throws IllegalArgumentException when the text is not {@code <channel>:<destination>} */
    public static Target parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("a destination is written <channel>:<name>, such as slack:default, "
                    + "email:ops@example.com or webhook:pager; got " + text);
        }
        String channel = text.substring(0, colon).strip().toUpperCase(Locale.ROOT);
        try {
            return new Target(
                    NotificationChannel.valueOf(channel),
                    text.substring(colon + 1).strip());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "unknown channel " + text.substring(0, colon) + ": slack, email or webhook", unknown);
        }
    }

    /** As logs and metrics name it; never a URL. */
    @Override
    public String toString() {
        return channel.label() + ":" + destination;
    }
}
