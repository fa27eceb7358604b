package dev.plumbline.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Git host's push notification to git-watcher's generic receiver: {@code {"repository": URL, "ref": REF}}, signed
 * with HMAC-SHA256 of the body in {@code X-Signature}, as a Git server's webhook would send it.
 */
public final class GitWatcherWebhook {

    /** git-watcher's answer: the HTTP status and the outcome word of its JSON body ({@code accepted}, …). */
    public record Answer(int status, String body) {

        public boolean accepted() {
            return status == 202 && body.contains("\"accepted\"");
        }
    }

    private final URI receiver;
    private final String secret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GitWatcherWebhook(String gitWatcherUrl, String secret) {
        this.receiver = URI.create(gitWatcherUrl + "/webhooks/generic");
        this.secret = secret;
    }

    /** Tells git-watcher that {@code branch} of {@code repoUrl} moved, signed with the run's webhook secret. */
    public Answer pushed(String repoUrl, String branch) {
        return send(repoUrl, branch, secret);
    }

    /** The same notification signed with another secret, as a forger who does not know the run's would send it. */
    public Answer pushedWithSecret(String repoUrl, String branch, String otherSecret) {
        return send(repoUrl, branch, otherSecret);
    }

    private Answer send(String repoUrl, String branch, String signingSecret) {
        String body = "{\"repository\": \"" + repoUrl + "\", \"ref\": \"refs/heads/" + branch + "\"}";
        HttpRequest request = HttpRequest.newBuilder(receiver)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Delivery-Id", UUID.randomUUID().toString())
                .header("X-Signature", "sha256=" + hmac(signingSecret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new DemoStepException(
                    "git-watcher at " + receiver + " did not answer the webhook: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoStepException("interrupted while sending the webhook");
        }
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
