package dev.plumbline.driftauditor.rest;

import dev.plumbline.driftauditor.drift.DriftService;
import dev.plumbline.driftauditor.patch.DriftPatch;
import dev.plumbline.driftauditor.patch.DriftPatchBuilder;
import dev.plumbline.events.vocabulary.RendererKind;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /api/apps/{name}/drift/patch}: what to commit so Git matches live after an emergency change. A plain-YAML
 * app gets a unified diff of its files ({@code text/x-diff}, ready for {@code git apply}); a Kustomize or Helm app,
 * or any app with {@code ?format=json}, gets the drifted fields with their live values as JSON.
 */
@Path("/api/apps/{name}/drift/patch")
public class DriftPatchResource {

    @Inject
    DriftService drift;

    @GET
    @Produces({"text/x-diff", MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("name") String app, @QueryParam("format") String format) {
        if (format != null && !format.equals("json") && !format.equals("diff")) {
            return ApiError.of(Response.Status.BAD_REQUEST, "format must be json or diff, not '" + format + "'");
        }
        Optional<DriftService.Snapshot> snapshot = drift.snapshot(app);
        if (snapshot.isEmpty()) {
            return ApiError.of(
                    Response.Status.NOT_FOUND,
                    "app '" + app + "' has no desired state here: it is "
                            + "unknown, not rendered yet, or compared by another drift-auditor instance (the one holding "
                            + "its partition of plumbline.rendered-manifests)");
        }
        DriftPatch patch =
                DriftPatchBuilder.build(snapshot.get().desired(), snapshot.get().drift());
        boolean diff = patch.renderer() == RendererKind.PLAIN && !"json".equals(format);
        if (diff) {
            StringBuilder text = new StringBuilder();
            patch.notes().forEach(note -> text.append("# ").append(note).append('\n'));
            text.append(patch.diff());
            return Response.ok(text.toString(), "text/x-diff").build();
        }
        return Response.ok(patch, MediaType.APPLICATION_JSON).build();
    }
}
