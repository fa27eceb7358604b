package dev.plumbline.gitwatcher.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.gitwatcher.config.GitWatcherConfig;
import dev.plumbline.gitwatcher.webhook.Endpoint;
import dev.plumbline.gitwatcher.webhook.WebhookOutcome;
import dev.plumbline.gitwatcher.webhook.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a webhook body above {@code plumbline.webhook.max-body-size} with 413 from its {@code Content-Length},
 * before a byte of it is read; a body sent without a length is measured once read, by {@link #exceeds}.
 */
@ApplicationScoped
public class WebhookBodyLimit {

    private static final String PREFIX = "/webhooks/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    GitWatcherConfig config;

    @Inject
    WebhookReceiver receiver;

    @Inject
    MeterRegistry metrics;

    void register(@Observes Filters filters) {
        filters.register(this::check, 100);
    }

    private void check(RoutingContext context) {
        String path = context.normalizedPath();
        String length = context.request().getHeader("Content-Length");
        if (context.request().method() == HttpMethod.POST && path.startsWith(PREFIX) && length != null) {
            Optional<Endpoint> endpoint = endpoint(path.substring(PREFIX.length()));
            if (endpoint.isPresent() && exceeds(parse(length))) {
                WebhookOutcome outcome = receiver.tooLarge(endpoint.get(), limit());
                WebhookResource.count(metrics, outcome);
                context.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "close")
                        .end(json(Map.of("error", outcome.message())));
                return;
            }
        }
        context.next();
    }

    boolean exceeds(long bytes) {
        return bytes > limit();
    }

    long limit() {
        return config.webhook().maxBodySize().asLongValue();
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Endpoint> endpoint(String name) {
        return Arrays.stream(Endpoint.values()).filter(e -> e.path().equals(name)).findFirst();
    }

    private static String json(Map<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
