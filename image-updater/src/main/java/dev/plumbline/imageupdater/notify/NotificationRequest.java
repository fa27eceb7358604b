package dev.plumbline.imageupdater.notify;

import java.util.List;
import java.util.Map;

/** One delivery as received: headers (any case), query parameters and the raw body. */
record NotificationRequest(Map<String, List<String>> headers, Map<String, String> query, byte[] body) {

    NotificationRequest {
        headers = headers == null ? Map.of() : headers;
        query = query == null ? Map.of() : query;
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, looked up without regard to case, or null. */
    String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null
                    && entry.getKey().equalsIgnoreCase(name)
                    && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
