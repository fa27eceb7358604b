package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code scale} subresource ({@code kubectl scale}, HorizontalPodAutoscalers): an {@code autoscaling/v1}
 * {@code Scale} view of an object's replicas, read with GET and written with PUT or a patch, which changes only
 * the replicas of the object itself.
 */
final class ScaleSubresource {

    static final String NAME = "scale";

    private final ObjectStore store;
    private final ObjectWrites writes;

    ScaleSubresource(ObjectStore store, ObjectWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    ObjectWrites.Result answer(ApiRequest request, ResourceType type) {
        ResourceType.ScalePaths paths = type.scale()
                .orElseThrow(() -> new ApiException(
                        404,
                        "NotFound",
                        "the server could not find the requested resource: " + type.resource()
                                + " have no scale subresource"));
        ApiRequest.Target target = request.target().orElseThrow();
        ObjectNode current = store.get(type, target.namespace(), target.name())
                .orElseThrow(() -> ApiException.notFound(type, target.name()));
        ObjectNode scale = toScale(current, paths);
        ObjectNode wanted = switch (request.method()) {
            case "GET" -> scale;
            case "PUT" -> requireScale(KubeJson.readObject(request.body()));
            case "PATCH" -> ObjectWrites.patched(scale, request, true);
            default ->
                throw new ApiException(405, "MethodNotAllowed", "the scale subresource allows GET, PUT and PATCH only");
        };
        if (request.method().equals("GET")) {
            return new ObjectWrites.Result(200, scale);
        }
        JsonNode replicas = wanted.path("spec").path("replicas");
        if (!replicas.canConvertToInt() || !replicas.isIntegralNumber() || replicas.asInt() < 0) {
            throw new ApiException(
                    422,
                    "Invalid",
                    "Scale.autoscaling \"" + target.name()
                            + "\" is invalid: spec.replicas: Invalid value: " + replicas
                            + ": must be a whole number greater than or equal to 0");
        }
        ObjectNode candidate = current.deepCopy();
        set(candidate, paths.specReplicasPath(), replicas);
        String sentVersion = wanted.path("metadata").path("resourceVersion").asText("");
        if (!sentVersion.isEmpty()) {
            KubeJson.child(candidate, "metadata").put("resourceVersion", sentVersion);
        }
        ObjectWrites.Result written = writes.update(request, type, current, candidate);
        return new ObjectWrites.Result(written.code(), toScale(written.object(), paths));
    }

    private static ObjectNode requireScale(ObjectNode body) {
        String kind = body.path("kind").asText("Scale");
        String apiVersion = body.path("apiVersion").asText("autoscaling/v1");
        if (!kind.equals("Scale") || !apiVersion.equals("autoscaling/v1")) {
            throw new KubeJson.BadRequest(
                    "the scale subresource takes a Scale of autoscaling/v1, not " + kind + " of " + apiVersion);
        }
        return body;
    }

    static ObjectNode toScale(ObjectNode object, ResourceType.ScalePaths paths) {
        ObjectNode scale =
                KubeJson.MAPPER.createObjectNode().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        JsonNode source = object.path("metadata");
        for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (source.has(field)) {
                metadata.set(field, source.get(field));
            }
        }
        scale.putObject("spec")
                .put("replicas", at(object, paths.specReplicasPath()).asInt(0));
        ObjectNode status = scale.putObject("status")
                .put("replicas", at(object, paths.statusReplicasPath()).asInt(0));
        String selector = selector(at(object, paths.labelSelectorPath()));
        if (!selector.isEmpty()) {
            status.put("selector", selector);
        }
        return scale;
    }

    /** A label selector as the text Scale carries: {@code app=web,tier in (a,b)}; a CRD's is text already. */
    private static String selector(JsonNode selector) {
        if (selector.isTextual()) {
            return selector.asText();
        }
        List<String> terms = new ArrayList<>();
        selector.path("matchLabels")
                .properties()
                .forEach(label ->
                        terms.add(label.getKey() + "=" + label.getValue().asText()));
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(value -> values.add(value.asText()));
            terms.add(
                    switch (expression.path("operator").asText()) {
                        case "In" -> key + " in (" + String.join(",", values) + ")";
                        case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                        case "DoesNotExist" -> "!" + key;
                        default -> key;
                    });
        }
        return String.join(",", terms);
    }

    private static JsonNode at(JsonNode object, String path) {
        return path.isEmpty() ? KubeJson.MAPPER.missingNode() : object.at(path.replace('.', '/'));
    }

    private static void set(ObjectNode object, String path, JsonNode value) {
        String[] fields = path.replaceFirst("^\\.", "").split("\\.");
        ObjectNode parent = object;
        for (int i = 0; i < fields.length - 1; i++) {
            parent = KubeJson.child(parent, fields[i]);
        }
        parent.set(fields[fields.length - 1], value);
    }
}
