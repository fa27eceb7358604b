package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to the embedded API, so that tests see exactly what a Kubernetes client sends and gets. */
final class KubeHttp {

    /** One answer: status code and body parsed as JSON. */
    record Answer(int code, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    KubeHttp(EmbeddedKubeApi api) {
        this.baseUrl = api.url();
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Answer get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", accept)
                .GET());
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer patch(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A server-side apply, as {@code kubectl apply --server-side} sends it. */
    Answer apply(String path, String manager, boolean force, String yaml) {
        return patch(
                path + "?fieldManager=" + manager + (force ? "&force=true" : ""), "application/apply-patch+yaml", yaml);
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** A delete with a DeleteOptions body, as client-go and fabric8 send it. */
    Answer delete(String path, String deleteOptions) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(deleteOptions)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(
                    request.header("User-Agent", "plumbline-tests/1.0")
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The fieldsV1 of the entry of one manager and operation, or a missing node. */
    static JsonNode fieldsOf(JsonNode object, String manager, String operation) {
        for (JsonNode entry : object.path("metadata").path("managedFields")) {
            if (entry.path("manager").asText().equals(manager)
                    && entry.path("operation").asText().equals(operation)) {
                return entry.path("fieldsV1");
            }
        }
        return JSON.missingNode();
    }
}
