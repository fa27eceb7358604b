package dev.plumbline.renderer.artifact;

import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.failure.RenderFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Downloads the tarball of a commit from the git-watcher and checks it against the sha256 of the commit event
 * before anything reads it. Sends no credentials: the artifact URL is all the renderer is given. Follows no
 * redirect: the URL is the one the git-watcher signed, and a redirect would fetch from a place it did not name.
 */
public final class ArtifactFetcher {

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    /**
     * @param timeout  how long one download may take
     * @param maxBytes the largest tarball accepted
     */
    public ArtifactFetcher(Duration timeout, long maxBytes) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** Downloads the artifact into {@code target} and returns it once its digest matches. */
    public Path fetch(Artifact artifact, Path target) {
        HttpResponse<InputStream> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(artifact.url()))
                    .timeout(timeout)
                    .GET()
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | IllegalArgumentException e) {
            throw unavailable(artifact, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(artifact, "interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 == 3) {
                throw unavailable(
                        artifact,
                        "the server answered HTTP " + response.statusCode() + " with a redirect to "
                                + response.headers().firstValue("Location").orElse("nowhere")
                                + "; the renderer follows no redirects: the git-watcher must serve the artifact at the"
                                + " URL its signed commit event names (check plumbline.artifacts.base-url or a proxy"
                                + " in between)",
                        null);
            }
            if (response.statusCode() != 200) {
                throw unavailable(artifact, "the git-watcher answered HTTP " + response.statusCode(), null);
            }
            String actual = copyAndDigest(body, target, artifact);
            if (!actual.equalsIgnoreCase(artifact.sha256())) {
                throw new RenderFailure(
                        RenderFailureReason.ARTIFACT_DIGEST_MISMATCH,
                        "the artifact at " + artifact.url()
                                + " has sha256 " + actual + " but the commit event says " + artifact.sha256()
                                + "; it was not extracted. The artifact changed or was corrupted on the way: "
                                + "the next commit event renders again");
            }
            return target;
        } catch (IOException e) {
            throw unavailable(artifact, e.getMessage(), e);
        }
    }

    private String copyAndDigest(InputStream body, Path target, Artifact artifact) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = body.read(buffer)) >= 0) {
                total += read;
                if (total > maxBytes) {
                    throw unavailable(
                            artifact, "it is larger than " + maxBytes + " bytes (plumbline.artifact.max-bytes)", null);
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static RenderFailure unavailable(Artifact artifact, String why, Throwable cause) {
        return new RenderFailure(
                RenderFailureReason.ARTIFACT_UNAVAILABLE,
                "cannot download the artifact " + artifact.url() + ": " + why,
                null,
                null,
                cause);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
