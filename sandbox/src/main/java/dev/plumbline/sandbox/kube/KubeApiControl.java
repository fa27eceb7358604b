package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Drives the sandbox Kubernetes API's faults and reads its traffic over HTTP, from a test or the bench, when the API
 * runs in another process (as {@code ./plumb up} runs it); the same as {@link ApiTraffic} in the API's own JVM.
 * Calls go without credentials, so as {@code system:admin}, unless {@link #withToken} names a token.
 *
 * <pre>{@code
 * KubeApiControl control = new KubeApiControl(URI.create("http://127.0.0.1:6443"));
 * control.failFor(Duration.ofSeconds(30), 500, true);   // every request answered 500, watches closed
 * control.hangFor(Duration.ofSeconds(30), false);       // no answers for 30 s
 * control.clearFaults();
 * TrafficSnapshot traffic = control.traffic();
 * }</pre>
 *
 * A call that cannot reach the API, or that the API refuses, throws {@link IllegalStateException} saying which.
 */
public final class KubeApiControl {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI apiBase;
    private final HttpClient http;
    private final Optional<String> token;

    public KubeApiControl(URI apiBase) {
        this(apiBase, Optional.empty());
    }

    private KubeApiControl(URI apiBase, Optional<String> token) {
        this.apiBase = apiBase;
        this.token = token;
        // plain HTTP/1.1: the API listens without TLS, and an h2c upgrade would only add a round of negotiation
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** The same control, sending {@code Authorization: Bearer <token>}. */
    public KubeApiControl withToken(String bearerToken) {
        return new KubeApiControl(apiBase, Optional.of(bearerToken));
    }

    /** Every request answered with {@code status} and a {@code Status} body from now for {@code duration}. */
    public void failFor(Duration duration, int status, boolean dropWatches) {
        send("POST", "/sandbox/faults", faultJson("\"status\":" + status, duration, dropWatches));
    }

    /** Every request left unanswered from now for {@code duration}: clients time out on their own. */
    public void hangFor(Duration duration, boolean dropWatches) {
        send("POST", "/sandbox/faults", faultJson("\"hang\":true", duration, dropWatches));
    }

    /** Ends any fault now. */
    public void clearFaults() {
        send("DELETE", "/sandbox/faults", null);
    }

    /** Requests by method, in flight, and the server-side applies since the API started. */
    public TrafficSnapshot traffic() {
        String body = send("GET", "/sandbox/traffic", null);
        try {
            return KubeJson.MAPPER.readValue(body, TrafficSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API at " + apiBase
                    + " answered GET /sandbox/traffic with what is not its traffic JSON: " + e.getOriginalMessage());
        }
    }

    private static String faultJson(String mode, Duration duration, boolean dropWatches) {
        return "{" + mode + ",\"seconds\":" + duration.toMillis() / 1000.0 + ",\"dropWatches\":" + dropWatches + "}";
    }

    private String send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(apiBase.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        String call = method + " " + path + " to the sandbox Kubernetes API at " + apiBase;
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException(
                    "could not " + call + ": nothing answers there; is it running (./plumb up starts it)?");
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("could not " + call + ": no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new IllegalStateException("could not " + call + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + call);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "could not " + call + ": it answered " + response.statusCode() + " " + message(response.body()));
        }
        return response.body();
    }

    /** The message of a Kubernetes {@code Status} body, else the body itself. */
    private static String message(String body) {
        try {
            String message = KubeJson.MAPPER.readTree(body).path("message").asText("");
            return message.isEmpty() ? body.strip() : message;
        } catch (JsonProcessingException e) {
            return body.strip();
        }
    }
}
