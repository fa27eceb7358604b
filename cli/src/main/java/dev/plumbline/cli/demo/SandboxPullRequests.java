package dev.plumbline.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The sandbox Git server's pull requests, through its Gitea-compatible API, as a reviewer reaches them: find the open
 * one of a branch, and merge it with a message of the reviewer's.
 */
final class SandboxPullRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** One pull request as the API shows it. */
    record PullRequest(int number, String url, String title, String branch) {}

    private final URI pulls;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The pull requests of {@code <repository>.git} on the server, Gitea's project {@code plumbline/<repository>}. */
    SandboxPullRequests(ConfigRepository.GitServer server, String repository) {
        this.pulls = URI.create(server.url() + "/api/v1/repos/plumbline/" + repository + "/pulls");
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((server.username() + ":" + server.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** The open pull request whose head is {@code branch}, if there is one. */
    Optional<PullRequest> open(String branch) {
        JsonNode list =
                send(HttpRequest.newBuilder(URI.create(pulls + "?state=open")).GET(), 200);
        for (JsonNode pull : list) {
            if (branch.equals(pull.path("head").path("ref").asText())) {
                return Optional.of(new PullRequest(
                        pull.path("number").asInt(),
                        pull.path("html_url").asText(),
                        pull.path("title").asText(),
                        branch));
            }
        }
        return Optional.empty();
    }

    /** Merges it with a merge commit whose message ends with {@code message} (a trailer such as Approved-by). */
    void merge(int number, String message) {
        String body = JSON.createObjectNode()
                .put("Do", "merge")
                .put("MergeMessageField", message)
                .toString();
        send(
                HttpRequest.newBuilder(URI.create(pulls + "/" + number + "/merge"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                200);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new DemoStepException("the sandbox Git server answered " + response.statusCode() + " to "
                        + built.method() + " " + built.uri() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new DemoStepException(
                    "cannot reach the sandbox Git server at " + built.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoStepException("interrupted while asking the sandbox Git server");
        }
    }
}
