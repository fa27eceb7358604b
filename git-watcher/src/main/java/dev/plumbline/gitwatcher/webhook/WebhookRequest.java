package dev.plumbline.gitwatcher.webhook;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A webhook as it arrived: the receiver it was sent to, its headers (names compared without case, as HTTP does) and
 * the exact bytes of its body, which signatures are computed over.
 */
public final class WebhookRequest {

    private final Endpoint endpoint;
    private final UnaryOperator<String> headers;
    private final byte[] body;

    /** Headers given as a map, copied so that their names compare without case. */
    public WebhookRequest(Endpoint endpoint, Map<String, String> headers, byte[] body) {
        this(endpoint, caseInsensitive(headers)::get, body);
    }

    /**
     * Headers read through a lookup that already ignores case, such as the HTTP server's own: nothing is copied on
     * the path of each delivery.
     */
    public WebhookRequest(Endpoint endpoint, UnaryOperator<String> headers, byte[] body) {
        this.endpoint = endpoint;
        this.headers = headers;
        this.body = body;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The header's value, or null. */
    public String header(String name) {
        return headers.apply(name);
    }

    public boolean has(String name) {
        String value = headers.apply(name);
        return value != null && !value.isBlank();
    }

    public byte[] body() {
        return body;
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
