package dev.plumbline.cli.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP calls to one Plumbline service: reads, and the image-updater's authenticated requests. A service that cannot be reached, or answers with an error, becomes a
 * {@link CommandFailedException} naming the service, the URL and the service's own message.
 */
public final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** A write pushes a branch and calls a Git host's API before it answers; the image-updater waits 120 s. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(130);

    private final String service;
    private final URI base;
    private final HttpClient http;

    ServiceClient(String service, URI base) {
        this.service = service;
        this.base = base;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The answer whatever its status; {@link Answer#successfulBody()} turns an error into a one-line failure. */
    public Answer call(String pathAndQuery, String accept) {
        URI uri = URI.create(base + pathAndQuery);
        return send(
                uri,
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("Accept", accept)
                        .GET()
                        .build());
    }

    /** POSTs a JSON body with a bearer token; the answer whatever its status. */
    public Answer post(String path, String json, String bearerToken) {
        URI uri = URI.create(base + path);
        return send(
                uri,
                HttpRequest.newBuilder(uri)
                        .timeout(WRITE_TIMEOUT)
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + bearerToken)
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build());
    }

    private Answer send(URI uri, HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(service, uri, response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new CommandFailedException("cannot reach the " + service + " at " + base
                    + " (connection refused): is Plumbline running? (./plumb up)");
        } catch (HttpTimeoutException e) {
            throw new CommandFailedException("the " + service + " at " + base + " did not answer within "
                    + request.timeout().orElse(TIMEOUT).toSeconds() + "s");
        } catch (IOException e) {
            throw new CommandFailedException("cannot reach the " + service + " at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted while asking the " + service);
        }
    }

    /** One HTTP answer of a service. */
    public record Answer(String service, URI uri, int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** @throws CommandFailedException with the service's error message when the answer is not a success */
        public String successfulBody() {
            if (!ok()) {
                throw new CommandFailedException(
                        "the " + service + " answered " + status + " to " + uri + ": " + errorMessage());
            }
            return body;
        }

        /** The message of the service's error body ({@code message} or {@code error}), else the body itself. */
        public String errorMessage() {
            try {
                JsonNode error = JSON.readTree(body);
                for (String field : new String[] {"message", "error"}) {
                    if (error.path(field).isTextual()) {
                        return error.path(field).asText();
                    }
                }
            } catch (IOException notJson) {
                // the body is shown as it is
            }
            return body == null || body.isBlank() ? "(no message)" : body.strip();
        }
    }
}
