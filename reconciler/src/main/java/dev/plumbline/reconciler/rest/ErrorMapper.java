package dev.plumbline.reconciler.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Every error as JSON with a message a person can read; never a stack trace. */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    /** The body of every error answer. */
    public record Error(int status, String message) {}

    @Override
    public Response toResponse(Throwable failure) {
        int status;
        String message;
        if (failure instanceof WebApplicationException web) {
            status = web.getResponse().getStatus();
            message = failure.getMessage();
        } else {
            LOG.error("request failed", failure);
            status = 500;
            message = "internal error: " + failure.getClass().getSimpleName() + "; see the reconciler's log";
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new Error(status, message))
                .build();
    }
}
