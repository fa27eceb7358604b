package dev.plumbline.driftauditor.rest;

import dev.plumbline.driftauditor.config.DriftAuditorConfig;
import dev.plumbline.driftauditor.messaging.KafkaAuditStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/audit?app=&since=}: audit records as stored (so a client can verify their hashes), oldest first,
 * at most {@code plumbline.audit.query-limit}. {@code since} is an ISO-8601 instant.
 */
@Path("/api/audit")
public class AuditResource {

    @Inject
    KafkaAuditStore store;

    @Inject
    DriftAuditorConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response query(@QueryParam("app") String app, @QueryParam("since") String since) {
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                return ApiError.of(
                        Response.Status.BAD_REQUEST,
                        "since must be an ISO-8601 instant such as 2026-11-27T15:00:00Z, not '" + since + "'");
            }
        }
        try {
            return Response.ok(store.query(
                            app == null || app.isBlank() ? null : app,
                            from,
                            config.audit().queryLimit()))
                    .build();
        } catch (RuntimeException kafkaUnavailable) {
            return ApiError.of(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "the audit topic cannot be read now: " + kafkaUnavailable.getMessage());
        }
    }
}
