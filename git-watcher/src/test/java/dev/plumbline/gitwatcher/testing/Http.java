package dev.plumbline.gitwatcher.testing;

import dev.plumbline.gitwatcher.webhook.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Requests to the service under test. */
public final class Http {

    public static final String SECRET = "It's a Secret to Everybody";

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI root;

    public Http(URI root) {
        this.root = root;
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(root.resolve(path)).GET().build());
    }

    public HttpResponse<byte[]> post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A GitHub push for a repository, signed as GitHub signs it. */
    public HttpResponse<byte[]> githubPush(String repoUrl, String ref, String deliveryId) {
        byte[] body = ("{\"ref\":\"" + ref + "\",\"repository\":{\"clone_url\":\"" + repoUrl + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        return post(
                "webhooks/github",
                Map.of(
                        "X-GitHub-Event",
                        "push",
                        "X-GitHub-Delivery",
                        deliveryId,
                        "X-Hub-Signature-256",
                        "sha256=" + Signatures.hmacSha256Hex(SECRET, body)),
                body);
    }

    public HttpResponse<byte[]> refresh(String repoUrl) {
        return post(
                "api/repos/refresh",
                Map.of(),
                ("{\"url\":\"" + repoUrl + "\",\"actor\":\"ana\"}").getBytes(StandardCharsets.UTF_8));
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
