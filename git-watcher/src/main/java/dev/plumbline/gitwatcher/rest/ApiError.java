package dev.plumbline.gitwatcher.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The body of every error answer: {@code {"error": "<what went wrong, in words>"}}, never a stack trace. */
final class ApiError {

    private ApiError() {}

    static Response of(Response.Status status, String message) {
        return of(status.getStatusCode(), message);
    }

    static Response of(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message))
                .build();
    }
}
