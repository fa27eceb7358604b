package dev.plumbline.gitwatcher.rest;

import dev.plumbline.gitwatcher.webhook.WebhookOutcome;
import dev.plumbline.gitwatcher.webhook.WebhookReceiver;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/webhooks}; the deliveries themselves are received by {@link WebhookRoute}. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    WebhookReceiver receiver;

    /** The latest deliveries and what each led to, newest first, as Git hosts show them: to see why a push did nothing. */
    @GET
    public List<WebhookOutcome> recent() {
        return receiver.recent();
    }
}
