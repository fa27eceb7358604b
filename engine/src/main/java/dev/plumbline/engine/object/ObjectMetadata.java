package dev.plumbline.engine.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads the labels and annotations of an object body, which several parts of the engine consult. */
public final class ObjectMetadata {

    private ObjectMetadata() {}

    public static Optional<String> label(JsonNode body, String key) {
        return text(body.path("metadata").path("labels").get(key));
    }

    public static Optional<String> annotation(JsonNode body, String key) {
        return text(body.path("metadata").path("annotations").get(key));
    }

    private static Optional<String> text(JsonNode value) {
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
