package dev.plumbline.gitwatcher.rest;

import dev.plumbline.gitwatcher.webhook.Endpoint;
import dev.plumbline.gitwatcher.webhook.WebhookOutcome;
import dev.plumbline.gitwatcher.webhook.WebhookReceiver;
import dev.plumbline.gitwatcher.webhook.WebhookRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhooks/{github|gitlab|gitea|gogs|bitbucket|generic}}: answers at once; the fetch it asks for runs
 * after the answer. Bodies over the limit never get here (see {@link WebhookBodyLimit}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    WebhookReceiver receiver;

    @Inject
    MeterRegistry metrics;

    @Inject
    WebhookBodyLimit limit;

    /**
     * Runs on the event loop that read the request: verifying, parsing and handing the fetch to the scheduler never
     * wait on Git, Kafka or the disk, and a hop to a worker thread would only queue the answer behind other work.
     */
    @POST
    @Path("webhooks/{provider}")
    @NonBlocking
    public Response receive(@PathParam("provider") String provider, HttpHeaders headers, byte[] body) {
        Optional<Endpoint> endpoint = endpoint(provider);
        if (endpoint.isEmpty()) {
            return ApiError.of(Response.Status.NOT_FOUND, "no webhook receiver " + provider + "; receivers: "
                    + String.join(", ", Arrays.stream(Endpoint.values()).map(Endpoint::path).toList()));
        }
        byte[] bytes = body == null ? new byte[0] : body;
        if (limit.exceeds(bytes.length)) {
            WebhookOutcome outcome = receiver.tooLarge(endpoint.get(), limit.limit());
            count(metrics, outcome);
            return ApiError.of(413, outcome.message());
        }
        Map<String, String> flat = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> flat.put(name, values.isEmpty() ? null : values.get(0)));
        WebhookOutcome outcome = receiver.handle(new WebhookRequest(endpoint.get(), flat, bytes));
        count(metrics, outcome);
        return Response.status(outcome.status()).entity(outcome).build();
    }

    /** The latest deliveries and what each led to, newest first, as Git hosts show them: to see why a push did nothing. */
    @GET
    @Path("api/webhooks")
    public List<WebhookOutcome> recent() {
        return receiver.recent();
    }

    static void count(MeterRegistry metrics, WebhookOutcome outcome) {
        metrics.counter("plumbline.webhook.deliveries", "provider", outcome.provider().label(),
                "outcome", outcome.outcome().label()).increment();
    }

    private static Optional<Endpoint> endpoint(String provider) {
        return Arrays.stream(Endpoint.values())
                .filter(e -> e.path().equals(provider.toLowerCase(Locale.ROOT))).findFirst();
    }
}
