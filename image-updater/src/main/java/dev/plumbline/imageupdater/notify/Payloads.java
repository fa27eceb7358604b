package dev.plumbline.imageupdater.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.imageupdater.registry.ImageRepository;
import java.io.IOException;

/** JSON reading shared by the providers' parsers, with limits fit for an untrusted body. */
final class Payloads {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(64 * 1024)
                    .build())
            .build());

    private Payloads() {}

    static JsonNode object(byte[] body) throws PayloadException {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new PayloadException("the body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PayloadException("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PayloadException("the body cannot be read: " + e.getMessage());
        }
    }

    /** A text field at a path, or null when absent, empty or not text. */
    static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            current = current.path(field);
        }
        return current.isTextual() && !current.asText().isBlank() ? current.asText() : null;
    }

    static String required(JsonNode node, String... path) throws PayloadException {
        String value = text(node, path);
        if (value == null) {
            throw new PayloadException("it has no " + String.join(".", path));
        }
        return value;
    }

    /** The repository of a reference that may end in {@code :tag} or {@code @digest}. */
    static ImageRepository repository(String reference) throws PayloadException {
        String text = reference.strip();
        int at = text.indexOf('@');
        if (at >= 0) {
            text = text.substring(0, at);
        }
        int colon = text.lastIndexOf(':');
        if (colon > text.lastIndexOf('/')) {
            text = text.substring(0, colon);
        }
        try {
            return ImageRepository.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PayloadException("it names no valid image repository: " + e.getMessage());
        }
    }
}
