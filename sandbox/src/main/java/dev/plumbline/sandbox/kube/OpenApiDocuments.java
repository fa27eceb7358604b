package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI v3 documents kubectl reads before it validates: the index at {@code /openapi/v3} and one
 * document per group/version ({@code /openapi/v3/apis/apps/v1}). Each kind gets a PATCH operation that
 * declares the {@code fieldValidation} parameter, from which kubectl learns that the server validates
 * ({@code fieldValidation=Strict}) and skips its own, and a schema: the top-level fields of built-in kinds,
 * the {@code openAPIV3Schema} of custom ones, rebuilt on every request so that CRD changes show at once.
 * The PATCH operations do not offer strategic merge, so that kubectl computes client-side apply patches
 * from its compiled-in types (built-in kinds) or as JSON merge patches (custom resources), as without OpenAPI.
 */
final class OpenApiDocuments {

    private static final String ROOT = "/openapi/v3";

    private final ResourceCatalog catalog;

    OpenApiDocuments(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The document at the path, or empty when the path is not an OpenAPI v3 path. */
    Optional<JsonNode> document(String path) {
        String trimmed = path.replaceAll("/+$", "");
        Map<String, List<ResourceType>> groupVersions = groupVersions();
        if (trimmed.equals(ROOT)) {
            ObjectNode index = KubeJson.MAPPER.createObjectNode();
            ObjectNode paths = index.putObject("paths");
            groupVersions.forEach((key, types) -> paths.putObject(key)
                    .put("serverRelativeURL", ROOT + "/" + key + "?hash=" + hash(groupVersion(types))));
            return Optional.of(index);
        }
        if (trimmed.startsWith(ROOT + "/")) {
            return Optional.ofNullable(groupVersions.get(trimmed.substring(ROOT.length() + 1)))
                    .map(this::groupVersion);
        }
        return Optional.empty();
    }

    /** {@code api/v1}, {@code apis/apps/v1}, ... with the kinds served in each. */
    private Map<String, List<ResourceType>> groupVersions() {
        Map<String, List<ResourceType>> groupVersions = new LinkedHashMap<>();
        for (ResourceType type : catalog.all()) {
            String key = type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.apiVersion();
            groupVersions.computeIfAbsent(key, ignored -> new ArrayList<>()).add(type);
        }
        return groupVersions;
    }

    private JsonNode groupVersion(List<ResourceType> types) {
        ObjectNode document = KubeJson.MAPPER.createObjectNode().put("openapi", "3.0.0");
        document.putObject("info").put("title", "Kubernetes").put("version", Discovery.KUBERNETES_VERSION);
        ObjectNode paths = document.putObject("paths");
        ObjectNode schemas = document.putObject("components").putObject("schemas");
        for (ResourceType type : types) {
            String schemaName = schemaName(type);
            ObjectNode schema = type.builtIn() ? BuiltInSchemas.schema(type) : customSchema(type);
            schemas.set(schemaName, schema);
            String objectPath = type.namespaced()
                    ? type.collectionPath("{namespace}") + "/{name}"
                    : type.collectionPath("") + "/{name}";
            paths.putObject(objectPath).set("patch", patchOperation(type, schemaName));
        }
        return document;
    }

    private ObjectNode customSchema(ResourceType type) {
        ObjectNode schema = catalog.crdSchema(type)
                .map(JsonNode::deepCopy)
                .filter(ObjectNode.class::isInstance)
                .map(ObjectNode.class::cast)
                .orElseGet(() -> KubeJson.MAPPER
                        .createObjectNode()
                        .put("type", "object")
                        .put("x-kubernetes-preserve-unknown-fields", true));
        ObjectNode properties = KubeJson.child(schema, "properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        properties.putObject("metadata").put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        schema.putArray("x-kubernetes-group-version-kind")
                .addObject()
                .put("group", type.group())
                .put("kind", type.kind())
                .put("version", type.version());
        return schema;
    }

    private static ObjectNode patchOperation(ResourceType type, String schemaName) {
        ObjectNode operation = KubeJson.MAPPER
                .createObjectNode()
                .put("operationId", "patch" + type.kind())
                .put("description", "partially update the specified " + type.kind());
        ArrayNode parameters = operation.putArray("parameters");
        for (String name : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
            parameters
                    .addObject()
                    .put("name", name)
                    .put("in", "query")
                    .putObject("schema")
                    .put("type", name.equals("force") ? "boolean" : "string");
        }
        ObjectNode content = operation.putObject("requestBody").putObject("content");
        for (String patchType : List.of(ObjectWrites.JSON_PATCH, ObjectWrites.MERGE_PATCH, ObjectWrites.APPLY_PATCH)) {
            content.putObject(patchType).putObject("schema").put("type", "object");
        }
        operation
                .putObject("responses")
                .putObject("200")
                .put("description", "OK")
                .putObject("content")
                .putObject("application/json")
                .putObject("schema")
                .put("$ref", "#/components/schemas/" + schemaName);
        operation.put("x-kubernetes-action", "patch");
        operation
                .putObject("x-kubernetes-group-version-kind")
                .put("group", type.group())
                .put("kind", type.kind())
                .put("version", type.version());
        return operation;
    }

    /** Kubernetes' schema names: {@code io.k8s.api.apps.v1.Deployment}; custom kinds by reversed group. */
    private static String schemaName(ResourceType type) {
        if (!type.builtIn()) {
            List<String> parts = new ArrayList<>(List.of(type.group().split("\\.")));
            Collections.reverse(parts);
            return String.join(".", parts) + "." + type.version() + "." + type.kind();
        }
        String group = type.group().isEmpty() ? "core" : type.group().replace(".k8s.io", "");
        if (type.group().equals("apiextensions.k8s.io")) {
            return "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions." + type.version() + "." + type.kind();
        }
        return "io.k8s.api." + group + "." + type.version() + "." + type.kind();
    }

    /** The hash in the index changes with the document, so that kubectl's cache of it is refreshed. */
    private static String hash(JsonNode document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512")
                    .digest(KubeJson.write(document).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from this Java runtime", e);
        }
    }
}
