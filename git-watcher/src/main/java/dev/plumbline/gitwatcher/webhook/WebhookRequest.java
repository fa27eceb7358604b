package dev.plumbline.gitwatcher.webhook;

import java.util.Map;
import java.util.TreeMap;

/**
 * A webhook as it arrived: the receiver it was sent to, its headers (names compared without case, as HTTP does) and
 * the exact bytes of its body, which signatures are computed over.
 */
public final class WebhookRequest {

    private final Endpoint endpoint;
    private final Map<String, String> headers;
    private final byte[] body;

    public WebhookRequest(Endpoint endpoint, Map<String, String> headers, byte[] body) {
        this.endpoint = endpoint;
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                this.headers.put(name, value);
            }
        });
        this.body = body;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The header's value, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    public boolean has(String name) {
        String value = headers.get(name);
        return value != null && !value.isBlank();
    }

    public byte[] body() {
        return body;
    }
}
