package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code fieldValidation=Strict}, which kubectl sends once OpenAPI tells it the server validates: a body with a
 * field the kind does not have is refused with 400, as Kubernetes' strict decoding does. Built-in kinds are
 * checked at the top level ({@link BuiltInSchemas}); custom resources as deep as their CRD's
 * {@code openAPIV3Schema} declares properties. {@code Warn} and {@code Ignore} accept the body as it is, and
 * so does the scale subresource, whose body is a Scale whatever the kind.
 */
final class FieldValidation {

    private static final Set<String> ALWAYS_KNOWN = Set.of("apiVersion", "kind", "metadata");

    private final ResourceCatalog catalog;

    FieldValidation(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** Refuses the body of a create, replace or patch with unknown fields when the request asks for Strict. */
    void check(ApiRequest request, ResourceType type) {
        boolean scale = ScaleSubresource.NAME.equals(
                request.target().map(ApiRequest.Target::subresource).orElse(""));
        if (!"Strict".equals(request.query().get("fieldValidation"))
                || request.body().isBlank()
                || scale
                || request.contentType().startsWith(ObjectWrites.JSON_PATCH)) {
            return;
        }
        JsonNode body = request.contentType().startsWith(ObjectWrites.APPLY_PATCH)
                ? KubeJson.readYaml(request.body())
                : KubeJson.read(request.body());
        if (!body.isObject()) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        if (type.builtIn()) {
            List<String> known = BuiltInSchemas.topLevelFields(type);
            body.fieldNames().forEachRemaining(name -> {
                if (!ALWAYS_KNOWN.contains(name) && !known.contains(name) && !name.startsWith("$")) {
                    unknown.add(name);
                }
            });
        } else {
            catalog.crdSchema(type).ifPresent(schema -> unknownFields(body, schema, "", unknown));
        }
        if (!unknown.isEmpty()) {
            String fields = String.join(
                    ", ",
                    unknown.stream()
                            .map(field -> "unknown field \"" + field + "\"")
                            .toList());
            throw new KubeJson.BadRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": strict decoding error: " + fields);
        }
    }

    private static void unknownFields(JsonNode value, JsonNode schema, String path, List<String> unknown) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (value.isArray()) {
            value.forEach(item -> unknownFields(item, schema.path("items"), path, unknown));
            return;
        }
        if (!value.isObject()) {
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String name = field.getKey();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            if (path.isEmpty() && ALWAYS_KNOWN.contains(name) || name.startsWith("$")) {
                continue;
            }
            if (properties.has(name)) {
                unknownFields(field.getValue(), properties.get(name), fieldPath, unknown);
            } else if (additional.isObject()) {
                unknownFields(field.getValue(), additional, fieldPath, unknown);
            } else if (properties.isObject() || schema.path("type").asText().equals("object")) {
                if (!additional.asBoolean(false)) {
                    unknown.add(fieldPath);
                }
            }
        }
    }
}
