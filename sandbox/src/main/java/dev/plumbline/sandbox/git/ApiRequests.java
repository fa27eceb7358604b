package dev.plumbline.sandbox.git;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Reads what an API request brings: a bounded JSON body, required fields, query parameters. */
final class ApiRequests {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private ApiRequests() {}

    static JsonNode body(ObjectMapper json, HttpServletRequest request) throws IOException, ApiRefusal {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiRefusal(413, "the request body is over " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonNode body = json.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw new ApiRefusal(400, "the request body is a JSON object");
            }
            return body;
        } catch (JsonProcessingException notJson) {
            throw new ApiRefusal(400, "the request body is not JSON: " + notJson.getOriginalMessage());
        }
    }

    static String required(JsonNode body, String field) throws ApiRefusal {
        String value = body.path(field).asText("");
        if (value.isBlank()) {
            throw new ApiRefusal(422, field + " is required");
        }
        return value;
    }

    static String parameter(HttpServletRequest request, String name, String fallback) {
        String value = request.getParameter(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    static int number(HttpServletRequest request, String name, int fallback) throws ApiRefusal {
        try {
            return Integer.parseInt(parameter(request, name, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            throw new ApiRefusal(422, name + " is a number, not " + request.getParameter(name));
        }
    }
}
