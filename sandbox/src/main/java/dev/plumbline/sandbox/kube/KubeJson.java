package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The JSON and YAML readers the API shares, and the timestamp format Kubernetes writes. */
final class KubeJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubeJson() {}

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a body that may be YAML (apply patches) or JSON, which is a subset of YAML. */
    static JsonNode readYaml(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not valid YAML: " + e.getOriginalMessage());
        }
    }

    static ObjectNode readObject(String json) {
        if (read(json) instanceof ObjectNode object) {
            return object;
        }
        throw new BadRequest("the body must be a JSON object");
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object under the field, created empty when missing or not an object. */
    static ObjectNode child(ObjectNode parent, String field) {
        if (parent.get(field) instanceof ObjectNode existing) {
            return existing;
        }
        return parent.putObject(field);
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A request the API refuses as malformed: answered 400 BadRequest. */
    static final class BadRequest extends ApiException {

        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(400, "BadRequest", message);
        }
    }
}
