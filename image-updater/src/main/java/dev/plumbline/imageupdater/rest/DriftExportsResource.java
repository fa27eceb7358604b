package dev.plumbline.imageupdater.rest;

import dev.plumbline.imageupdater.messaging.WatchedImages;
import dev.plumbline.imageupdater.promote.AppSource;
import dev.plumbline.imageupdater.promote.DriftExport;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/drift-exports}: {@code plumb drift export NAME --pr} sends the drift-auditor's unified diff of an
 * emergency change; it is applied on a branch of its own and proposed as a pull request.
 */
@Path("/api/drift-exports")
public class DriftExportsResource {

    /** The request body. */
    public record ExportRequest(String app, String patch) {}

    @Inject
    BearerTokens tokens;

    @Inject
    WatchedImages watched;

    @Inject
    DriftExport export;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, ExportRequest request) {
        if (request == null || request.app() == null || request.patch() == null) {
            return ApiError.of(400, "send {\"app\": \"NAME\", \"patch\": \"<unified diff>\"}");
        }
        Optional<Response> refusal = tokens.refusal(authorization, request.app());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Optional<AppSource> source = watched.source(request.app());
        if (source.isEmpty()) {
            return ApiError.of(404, "no Application " + request.app() + " is known to the image-updater");
        }
        try {
            DriftExport.Exported exported = export.export(source.get(), request.patch(), tokens.actor(authorization));
            return Response.status(201)
                    .entity(Map.of(
                            "app", request.app(),
                            "pullRequestUrl", exported.pullRequestUrl(),
                            "branch", exported.branch(),
                            "commit", exported.commit()))
                    .build();
        } catch (IllegalArgumentException refused) {
            return ApiError.of(400, refused.getMessage());
        } catch (RuntimeException failed) {
            return PromotionsResource.failure(failed);
        }
    }
}
