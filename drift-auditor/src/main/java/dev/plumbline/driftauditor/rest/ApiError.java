package dev.plumbline.driftauditor.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error body of this service's endpoints: {@code {"status": 404, "error": "..."}}, never a stack trace. */
public record ApiError(int status, String error) {

    static Response of(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(status.getStatusCode(), message))
                .build();
    }
}
