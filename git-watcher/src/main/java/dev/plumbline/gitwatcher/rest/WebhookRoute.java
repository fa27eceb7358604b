package dev.plumbline.gitwatcher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.plumbline.events.vocabulary.WebhookProvider;
import dev.plumbline.gitwatcher.config.GitWatcherConfig;
import dev.plumbline.gitwatcher.webhook.Endpoint;
import dev.plumbline.gitwatcher.webhook.SenderRateLimit;
import dev.plumbline.gitwatcher.webhook.TrustedProxies;
import dev.plumbline.gitwatcher.webhook.WebhookOutcome;
import dev.plumbline.gitwatcher.webhook.WebhookReceiver;
import dev.plumbline.gitwatcher.webhook.WebhookRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/{github|gitlab|gitea|gogs|bitbucket|generic}}, as a plain route. On the event loop only what
 * is cheap and bounded: the sender's rate limit and the body's size, both before the body is read. The HMAC over a
 * body of up to {@code max-body-size}, a secret file read and the write of the delivery to the redelivery log run on
 * a worker thread, so a flood of large signed bodies never stalls the other requests of the event loop. The fetch
 * runs after the answer.
 */
@ApplicationScoped
public class WebhookRoute {

    private static final Logger LOG = Logger.getLogger(WebhookRoute.class);
    private static final String JSON = "application/json";

    @Inject
    GitWatcherConfig config;

    @Inject
    WebhookReceiver receiver;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper mapper;

    private ObjectWriter outcomes;
    private SenderRateLimit rateLimit;
    private TrustedProxies proxies;
    private final Map<WebhookProvider, Map<WebhookOutcome.Outcome, Counter>> counters = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        outcomes = mapper.writerFor(WebhookOutcome.class);
        GitWatcherConfig.RateLimit limit = config.webhook().rateLimit();
        rateLimit = new SenderRateLimit(limit.perSecond(), limit.burst(), limit.maxSenders(), Clock.systemUTC());
        proxies = TrustedProxies.of(config.webhook().trustedProxies().orElse(List.of()));
        router.post("/webhooks/:provider").handler(this::receive);
    }

    private void receive(RoutingContext context) {
        String name = context.pathParam("provider");
        Optional<Endpoint> endpoint = Endpoint.named(name);
        if (endpoint.isEmpty()) {
            error(
                    context.response(),
                    404,
                    "no webhook receiver " + name + "; receivers: "
                            + Arrays.stream(Endpoint.values())
                                    .map(Endpoint::path)
                                    .collect(Collectors.joining(", ")));
            return;
        }
        HttpServerRequest request = context.request();
        String sender = proxies.sender(request.remoteAddress().hostAddress(), request.getHeader("X-Forwarded-For"));
        Duration wait = rateLimit.admit(sender, endpoint.get());
        if (!wait.isZero()) {
            tooMany(context, endpoint.get(), sender, wait);
            return;
        }
        long limit = config.webhook().maxBodySize().asLongValue();
        long declared = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared > limit) {
            tooLarge(context, endpoint.get(), limit);
            return;
        }
        // a body sent without a length is measured as it comes, and refused once it passes the limit
        Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 1024);
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                refused[0] = true;
                tooLarge(context, endpoint.get(), limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                answer(context, endpoint.get(), body.getBytes());
            }
        });
        request.resume();
    }

    private void answer(RoutingContext context, Endpoint endpoint, byte[] body) {
        WebhookRequest request = new WebhookRequest(endpoint, context.request().headers()::get, body);
        context.vertx().executeBlocking(() -> receiver.handle(request), false).onComplete(handled -> {
            if (handled.failed()) {
                LOG.error("webhook delivery failed", handled.cause());
                error(context.response(), 500, "internal error; see the git-watcher's log");
                return;
            }
            WebhookOutcome outcome = handled.result();
            count(outcome.provider(), outcome.outcome());
            try {
                context.response()
                        .setStatusCode(outcome.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                        .end(Buffer.buffer(outcomes.writeValueAsBytes(outcome)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an outcome is always JSON", e);
            }
        });
    }

    /** 429 with the wait, and the connection closed, so that the body is never read. */
    private void tooMany(RoutingContext context, Endpoint endpoint, String sender, Duration wait) {
        count(endpoint.defaultProvider(), WebhookOutcome.Outcome.RATE_LIMITED);
        long seconds = SenderRateLimit.retryAfterSeconds(wait);
        context.response()
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        error(
                context.response(),
                429,
                "too many deliveries from " + sender + " to the " + endpoint.path() + " receiver; retry in " + seconds
                        + " s (plumbline.webhook.rate-limit.*)");
    }

    /** 413, and the connection closed, so that the rest of the body is never read. */
    private void tooLarge(RoutingContext context, Endpoint endpoint, long limit) {
        WebhookOutcome outcome = receiver.tooLarge(endpoint, limit);
        count(outcome.provider(), outcome.outcome());
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        error(context.response(), 413, outcome.message());
    }

    private void count(WebhookProvider provider, WebhookOutcome.Outcome outcome) {
        counters.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        outcome,
                        kind -> metrics.counter(
                                "plumbline.webhook.deliveries", "provider", provider.label(), "outcome", kind.label()))
                .increment();
    }

    private void error(HttpServerResponse response, int status, String message) {
        try {
            response.setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                    .end(Buffer.buffer(mapper.writeValueAsBytes(Map.of("error", message))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
