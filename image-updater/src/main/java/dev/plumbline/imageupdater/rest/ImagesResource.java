package dev.plumbline.imageupdater.rest;

import dev.plumbline.imageupdater.promote.ImageLedger;
import dev.plumbline.imageupdater.promote.ImageStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/images}: per app and image, the policy, the reference Git holds, the newest chosen image, the open
 * pull request, the last check, the last error and when a failing registry is tried again.
 */
@Path("/api/images")
public class ImagesResource {

    @Inject
    ImageLedger ledger;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ImageStatus> images() {
        return ledger.statuses();
    }
}
