package dev.plumbline.gitwatcher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.plumbline.events.vocabulary.WebhookProvider;
import dev.plumbline.gitwatcher.config.GitWatcherConfig;
import dev.plumbline.gitwatcher.webhook.Endpoint;
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
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/{github|gitlab|gitea|gogs|bitbucket|generic}}, answered on the event loop that read the
 * request, as a plain route: verifying, reading and handing the fetch to the scheduler never wait on Git, Kafka or
 * the disk, and the REST layer's dispatch, a worker thread, or a copy of the headers would only add to the time of
 * every answer. The fetch runs after the answer.
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
    private final Map<WebhookProvider, Map<WebhookOutcome.Outcome, Counter>> counters = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        outcomes = mapper.writerFor(WebhookOutcome.class);
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
        long limit = config.webhook().maxBodySize().asLongValue();
        HttpServerRequest request = context.request();
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
        WebhookOutcome outcome;
        try {
            outcome = receiver.handle(
                    new WebhookRequest(endpoint, context.request().headers()::get, body));
        } catch (RuntimeException e) {
            LOG.error("webhook delivery failed", e);
            error(context.response(), 500, "internal error; see the git-watcher's log");
            return;
        }
        count(outcome);
        try {
            context.response()
                    .setStatusCode(outcome.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                    .end(Buffer.buffer(outcomes.writeValueAsBytes(outcome)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outcome is always JSON", e);
        }
    }

    /** 413, and the connection closed, so that the rest of the body is never read. */
    private void tooLarge(RoutingContext context, Endpoint endpoint, long limit) {
        WebhookOutcome outcome = receiver.tooLarge(endpoint, limit);
        count(outcome);
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        error(context.response(), 413, outcome.message());
    }

    private void count(WebhookOutcome outcome) {
        counters.computeIfAbsent(outcome.provider(), provider -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        outcome.outcome(),
                        kind -> metrics.counter(
                                "plumbline.webhook.deliveries",
                                "provider",
                                outcome.provider().label(),
                                "outcome",
                                kind.label()))
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
