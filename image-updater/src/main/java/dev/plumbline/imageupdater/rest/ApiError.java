package dev.plumbline.imageupdater.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The body of every error answer: {@code {"error": "<what went wrong and what to do>"}}, never a stack trace. */
final class ApiError {

    private ApiError() {}

    static Response of(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message))
                .build();
    }

    static Response unauthorized(String message) {
        return Response.status(401)
                .type(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", "Bearer realm=\"plumbline-image-updater\"")
                .entity(Map.of("error", message))
                .build();
    }
}
