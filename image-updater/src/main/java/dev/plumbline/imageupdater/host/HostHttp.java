package dev.plumbline.imageupdater.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One project's JSON calls to a host's API: the host's authentication and headers, a deadline per request, a
 * bound on what an answer may weigh, and errors turned into {@link HostException}s that say what to do.
 */
final class HostHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Far above any pull request list or review page; a bigger answer is not one of the host's. */
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private static final int MAX_HOST_MESSAGE = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostKind host;
    private final String apiRoot;
    private final String project;
    private final Map<String, String> headers;
    private final String token;
    private final HttpClient client;

    HostHttp(HostKind host, URI apiRoot, String project, Map<String, String> headers, String token, HttpClient client) {
        this.host = host;
        this.apiRoot = apiRoot.toString().replaceAll("/+$", "");
        this.project = project;
        this.headers = Map.copyOf(headers);
        this.token = token;
        this.client = Objects.requireNonNull(client, "client");
    }

    JsonNode get(String pathAndQuery, String purpose) {
        return send("GET", pathAndQuery, null, purpose);
    }

    /** Sends {@code body} (null for none) as JSON and reads the JSON answer, or throws what went wrong. */
    JsonNode send(String method, String pathAndQuery, Object body, String purpose) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiRoot + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : jsonBody(body));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<InputStream> response;
        byte[] answer;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            answer = readBounded(response.body(), purpose);
        } catch (HttpTimeoutException e) {
            throw failure(
                    0,
                    true,
                    host.displayName() + " at " + apiRoot + " did not answer within "
                            + REQUEST_TIMEOUT.toSeconds() + " s while trying to " + purpose + " on " + project
                            + "; it is retried later",
                    e);
        } catch (IOException e) {
            throw failure(
                    0,
                    true,
                    "cannot reach " + host.displayName() + " at " + apiRoot + " to " + purpose + " on "
                            + project + " (" + scrub(String.valueOf(e.getMessage()))
                            + "); check the api-url, it is retried"
                            + " later",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(0, true, "interrupted while trying to " + purpose + " on " + project, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw HostErrors.of(this, status, purpose, hostMessage(answer));
        }
        try {
            return answer.length == 0 ? JSON.missingNode() : JSON.readTree(answer);
        } catch (IOException e) {
            throw failure(
                    status,
                    false,
                    host.displayName() + " answered " + purpose + " on " + project
                            + " with something that is not JSON; check that the api-url " + apiRoot
                            + " is the API's root",
                    e);
        }
    }

    HostKind host() {
        return host;
    }

    String project() {
        return project;
    }

    String apiRoot() {
        return apiRoot;
    }

    HostException failure(int status, boolean retryable, String message, Throwable cause) {
        return new HostException(host, project, status, retryable, scrub(message), cause);
    }

    /** The token never appears in a message, even when a host or a proxy echoes it back. */
    String scrub(String text) {
        return token.isEmpty() ? text : text.replace(token, "****");
    }

    private byte[] readBounded(InputStream body, String purpose) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw failure(
                        0,
                        false,
                        host.displayName() + " answered " + purpose + " on " + project
                                + " with more than " + MAX_RESPONSE_BYTES + " bytes; check that the api-url " + apiRoot
                                + " is the API's root",
                        null);
            }
            return bytes;
        }
    }

    /** What the host said about an error, from the shapes GitHub, GitLab, Gitea and Bitbucket use; short. */
    private String hostMessage(byte[] answer) {
        String message;
        try {
            message = HostErrors.describe(JSON.readTree(answer));
        } catch (IOException notJson) {
            message = "";
        }
        message = scrub(message.strip().replaceAll("\\s+", " "));
        return message.length() > MAX_HOST_MESSAGE ? message.substring(0, MAX_HOST_MESSAGE) + "…" : message;
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON: " + e.getMessage(), e);
        }
    }

    /** One path segment, percent-encoded: GitLab's {@code group/project} becomes {@code group%2Fproject}. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query parameter's value, percent-encoded. */
    static String query(String value) {
        return segment(value);
    }
}
