package dev.plumbline.notifier.delivery;

import dev.plumbline.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * JSON POSTs for the Slack and webhook channels, bounded by the delivery timeout. Failures are described by kind
 * and destination name only: an exception's own message may carry the URL, which holds the token.
 */
@ApplicationScoped
public class HttpPost {

    private static final int ANSWER_SHOWN = 100;

    private final HttpClient client;
    private final Duration timeout;

    HttpPost(NotifierConfig config) {
        this.timeout = config.delivery().timeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param name the destination as logs may name it, such as {@code slack:default}
     * @throws DeliveryFailure a transient one when the destination could not be reached or did not answer in time
     */
    public HttpResponse<String> post(URI uri, String json, Map<String, String> headers, String name)
            throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "plumbline-notifier")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw DeliveryFailure.transientFailure(name + " did not accept a connection within " + seconds());
        } catch (HttpTimeoutException e) {
            throw DeliveryFailure.transientFailure(name + " did not answer within " + seconds());
        } catch (IOException e) {
            throw DeliveryFailure.transientFailure(
                    name + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.transientFailure(name + ": interrupted while sending");
        }
    }

    /**
     * A configured address as a URI; a malformed one fails start-up naming the setting, not the value, which holds
     * a token.
     */
    public static URI address(String url, String setting) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(
                    setting + " is not an http(s) URL (its value is not shown: it may " + "hold a token)");
        }
    }

    /** The start of an answer's body, for an error message: Slack names its errors there (invalid_payload). */
    public static String shortBody(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return line.length() <= ANSWER_SHOWN ? line : line.substring(0, ANSWER_SHOWN) + "…";
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
