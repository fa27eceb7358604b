package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The top-level fields of the built-in kinds, as Kubernetes defines them: what their OpenAPI schemas announce
 * and what {@code fieldValidation=Strict} accepts. Below the top level the schemas are open: the sandbox checks
 * the shape of objects no deeper than this.
 */
final class BuiltInSchemas {

    private static final List<String> WORKLOAD = List.of("spec:object", "status:object");

    /** {@code field:type} per kind, besides apiVersion, kind and metadata. */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("ConfigMap", List.of("data:map", "binaryData:map", "immutable:boolean")),
            Map.entry("Secret", List.of("data:map", "stringData:map", "type:string", "immutable:boolean")),
            Map.entry(
                    "ServiceAccount",
                    List.of("secrets:array", "imagePullSecrets:array", "automountServiceAccountToken:boolean")),
            Map.entry(
                    "Event",
                    List.of(
                            "involvedObject:object",
                            "reason:string",
                            "message:string",
                            "source:object",
                            "firstTimestamp:string",
                            "lastTimestamp:string",
                            "count:integer",
                            "type:string",
                            "eventTime:string",
                            "series:object",
                            "action:string",
                            "related:object",
                            "reportingComponent:string",
                            "reportingInstance:string")),
            Map.entry("NetworkPolicy", List.of("spec:object")),
            Map.entry("Role", List.of("rules:array")),
            Map.entry("ClusterRole", List.of("rules:array", "aggregationRule:object")),
            Map.entry("RoleBinding", List.of("subjects:array", "roleRef:object")),
            Map.entry("ClusterRoleBinding", List.of("subjects:array", "roleRef:object")));

    private BuiltInSchemas() {}

    /** The OpenAPI v3 schema of a built-in kind, with the group/version/kind extension kubectl looks for. */
    static ObjectNode schema(ResourceType type) {
        ObjectNode schema = KubeJson.MAPPER
                .createObjectNode()
                .put("type", "object")
                .put("description", type.kind() + " of " + type.apiVersion());
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        properties.putObject("metadata").put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        for (String field : fields(type)) {
            String[] nameAndType = field.split(":");
            ObjectNode property = properties.putObject(nameAndType[0]);
            switch (nameAndType[1]) {
                case "map" ->
                    property.put("type", "object")
                            .putObject("additionalProperties")
                            .put("type", "string");
                case "array" ->
                    property.put("type", "array")
                            .putObject("items")
                            .put("type", "object")
                            .put("x-kubernetes-preserve-unknown-fields", true);
                case "object" -> property.put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
                default -> property.put("type", nameAndType[1]);
            }
        }
        schema.putArray("x-kubernetes-group-version-kind")
                .addObject()
                .put("group", type.group())
                .put("kind", type.kind())
                .put("version", type.version());
        return schema;
    }

    /** The top-level fields a built-in kind may carry besides apiVersion, kind and metadata. */
    static List<String> topLevelFields(ResourceType type) {
        return fields(type).stream().map(field -> field.split(":")[0]).toList();
    }

    private static List<String> fields(ResourceType type) {
        return FIELDS.getOrDefault(type.kind(), WORKLOAD);
    }
}
