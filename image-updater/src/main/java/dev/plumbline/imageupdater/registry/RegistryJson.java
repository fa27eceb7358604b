package dev.plumbline.imageupdater.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Parses registry answers with limits on nesting and string size, since a registry's answer is untrusted input. */
final class RegistryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(1024 * 1024)
                    .build())
            .build());

    private RegistryJson() {}

    static JsonNode parse(ImageRepository repository, byte[] body, String what) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw RegistryErrors.malformed(repository, what, "it is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RegistryErrors.malformed(repository, what, "it is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw RegistryErrors.malformed(repository, what, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A text field, or null when absent, null or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
