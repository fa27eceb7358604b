package dev.plumbline.notifier.webhook;

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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Generic webhooks: a JSON POST signed with HMAC-SHA256 (see {@link WebhookSignature}). Any {@code 2xx} is
 * delivered; {@code 408}, {@code 429} and {@code 5xx} are tried again; another {@code 4xx} goes to the dead
 * letters at once.
 */
@ApplicationScoped
public class WebhookChannel implements Channel {

    public static final String DEFAULT_DESTINATION = "default";

    private record Hook(URI uri, Optional<String> secret, double rate) {}

    private final Map<String, Hook> hooks = new HashMap<>();
    private final NotifierConfig.Webhooks config;
    private final HttpPost http;

    WebhookChannel(NotifierConfig config, HttpPost http) {
        this.config = config.webhooks();
        this.http = http;
        this.config
                .url()
                .filter(url -> !url.isBlank())
                .ifPresent(url -> hooks.put(
                        DEFAULT_DESTINATION,
                        new Hook(
                                HttpPost.address(url, "plumbline.webhooks.url"),
                                this.config.secret(),
                                this.config.ratePerSecond())));
        this.config
                .destinations()
                .forEach((name, hook) -> hooks.put(
                        name,
                        new Hook(
                                HttpPost.address(hook.url(), "plumbline.webhooks.destinations." + name + ".url"),
                                hook.secret(),
                                hook.ratePerSecond().orElse(this.config.ratePerSecond()))));
    }

    @Override
    public NotificationChannel kind() {
        return NotificationChannel.WEBHOOK;
    }

    @Override
    public boolean knows(String destination) {
        return hooks.containsKey(destination);
    }

    @Override
    public TokenBucket rateLimit(String destination) {
        return new TokenBucket(hooks.get(destination).rate(), config.burst());
    }

    @Override
    public Outgoing prepare(String destination, String deliveryId, Notification notification, RenderedMessage message) {
        return new Outgoing(
                deliveryId, message.title(), message.text(), WebhookPayload.body(deliveryId, notification, message));
    }

    @Override
    public void send(String destination, Outgoing outgoing) throws DeliveryFailure {
        Hook hook = hooks.get(destination);
        String name = "webhook:" + destination;
        Map<String, String> headers = new HashMap<>();
        headers.put(WebhookSignature.DELIVERY_HEADER, outgoing.id());
        // signed at each attempt, so that a retry minutes later still passes the receiver's replay check
        long timestamp = Instant.now().getEpochSecond();
        headers.put(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp));
        hook.secret()
                .filter(secret -> !secret.isEmpty())
                .ifPresent(secret -> headers.put(
                        WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, outgoing.body())));
        HttpResponse<String> response = http.post(hook.uri(), outgoing.body(), headers, name);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String reason = name + " answered " + status + " " + HttpPost.shortBody(response.body());
        if (status == 429) {
            Optional<Duration> after =
                    response.headers().firstValue("Retry-After").flatMap(WebhookChannel::seconds);
            throw after.isPresent()
                    ? DeliveryFailure.rateLimited(reason, after.get())
                    : DeliveryFailure.transientFailure(reason);
        }
        if (status >= 500 || status == 408) {
            throw DeliveryFailure.transientFailure(reason);
        }
        throw DeliveryFailure.permanent(reason);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
