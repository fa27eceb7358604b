package dev.plumbline.notifier.slack;

import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.notifier.delivery.Channel;
import dev.plumbline.notifier.delivery.DeliveryFailure;
import dev.plumbline.notifier.delivery.HttpPost;
import dev.plumbline.notifier.delivery.Outgoing;
import dev.plumbline.notifier.template.RenderedMessage;
import dev.plumbline.servicekit.ratelimit.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slack incoming webhooks. Slack answers {@code 200 ok} when it took the message, {@code 429} with
 * {@code Retry-After} when a webhook sends too fast, {@code 5xx} when it is in trouble, and another {@code 4xx}
 * (invalid_payload, no_service, channel_is_archived) when retrying cannot help.
 */
@ApplicationScoped
public class SlackChannel implements Channel {

    /** The name of the destination set by {@code plumbline.slack.webhook-url}. */
    public static final String DEFAULT_DESTINATION = "default";

    private final Map<String, URI> webhooks = new HashMap<>();
    private final Map<String, Double> rates = new HashMap<>();
    private final NotifierConfig.Slack config;
    private final HttpPost http;

    SlackChannel(NotifierConfig config, HttpPost http) {
        this.config = config.slack();
        this.http = http;
        this.config
                .webhookUrl()
                .filter(url -> !url.isBlank())
                .ifPresent(
                        url -> webhooks.put(DEFAULT_DESTINATION, HttpPost.address(url, "plumbline.slack.webhook-url")));
        this.config.destinations().forEach((name, destination) -> {
            webhooks.put(
                    name,
                    HttpPost.address(
                            destination.webhookUrl(), "plumbline.slack.destinations." + name + ".webhook-url"));
            destination.ratePerSecond().ifPresent(rate -> rates.put(name, rate));
        });
    }

    @Override
    public NotificationChannel kind() {
        return NotificationChannel.SLACK;
    }

    @Override
    public boolean knows(String destination) {
        return webhooks.containsKey(destination);
    }

    @Override
    public TokenBucket rateLimit(String destination) {
        return new TokenBucket(rates.getOrDefault(destination, config.ratePerSecond()), config.burst());
    }

    @Override
    public Outgoing prepare(String destination, String deliveryId, Notification notification, RenderedMessage message) {
        return new Outgoing(deliveryId, message.title(), message.text(), SlackMessage.body(message));
    }

    @Override
    public void send(String destination, Outgoing outgoing) throws DeliveryFailure {
        String name = "slack:" + destination;
        HttpResponse<String> response = http.post(webhooks.get(destination), outgoing.body(), Map.of(), name);
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        if (status == 429) {
            Duration retryAfter = retryAfter(response).orElse(Duration.ofSeconds(1));
            throw DeliveryFailure.rateLimited(
                    name + " answered 429, retry after " + retryAfter.toSeconds() + " s", retryAfter);
        }
        String reason = " " + status + " " + HttpPost.shortBody(response.body());
        if (status >= 500 || status == 408) {
            throw DeliveryFailure.transientFailure(name + " answered" + reason);
        }
        throw DeliveryFailure.permanent(name + " refused the message:" + reason);
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty();
            }
        });
    }
}
