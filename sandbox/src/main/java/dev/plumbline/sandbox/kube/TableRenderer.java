package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The {@code meta.k8s.io/v1} Table that {@code kubectl get} asks for ({@code Accept: ...;as=Table}), with the
 * two columns every kind has in Kubernetes: Name and Age.
 */
final class TableRenderer {

    private TableRenderer() {}

    static boolean wanted(String accept) {
        return accept.contains("as=Table");
    }

    /**
     * @param includeObject {@code None}, {@code Metadata} (the default) or {@code Object}, as the
     *                      {@code includeObject} query parameter says
     */
    static ObjectNode render(List<JsonNode> objects, String resourceVersion, String includeObject) {
        ObjectNode table =
                KubeJson.MAPPER.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", resourceVersion);
        ArrayNode columns = table.putArray("columnDefinitions");
        columns.addObject()
                .put("name", "Name")
                .put("type", "string")
                .put("format", "name")
                .put("description", "Name must be unique within a namespace.")
                .put("priority", 0);
        columns.addObject()
                .put("name", "Age")
                .put("type", "string")
                .put("format", "")
                .put(
                        "description",
                        "CreationTimestamp is a timestamp representing the server time when this "
                                + "object was created.")
                .put("priority", 0);
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            row.putArray("cells")
                    .add(object.path("metadata").path("name").asText())
                    .add(age(object.path("metadata").path("creationTimestamp").asText("")));
            if ("Object".equals(includeObject)) {
                row.set("object", object);
            } else if (!"None".equals(includeObject)) {
                ObjectNode partial = row.putObject("object")
                        .put("kind", "PartialObjectMetadata")
                        .put("apiVersion", "meta.k8s.io/v1");
                partial.set("metadata", object.path("metadata").deepCopy());
            }
        }
        return table;
    }

    /** Ages as kubectl shows them: 45s, 3m, 5h, 2d. */
    static String age(String creationTimestamp) {
        try {
            long seconds = Math.max(
                    0,
                    Duration.between(Instant.parse(creationTimestamp), Instant.now())
                            .toSeconds());
            if (seconds < 120) {
                return seconds + "s";
            }
            if (seconds < 2 * 3600) {
                return seconds / 60 + "m";
            }
            if (seconds < 48 * 3600) {
                return seconds / 3600 + "h";
            }
            return seconds / 86400 + "d";
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }
}
