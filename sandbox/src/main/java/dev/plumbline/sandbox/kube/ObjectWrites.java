package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.Optional;

/**
 * Every write to an object, as named steps: work out the new object (create, replace, one of the four patch
 * types), keep status where its subresource owns it, carry over the server's fields, record who changed what
 * in managedFields, and store it, which is what makes watches fire.
 */
final class ObjectWrites {

    /** What a write answers: the HTTP code and the object as stored. */
    record Result(int code, ObjectNode object) {}

    /** Refuses (by throwing) a server-side apply that would create an object its user may not create. */
    @FunctionalInterface
    interface CreateGuard {
        void check(ApiRequest request, ResourceType type);
    }

    static final String APPLY_PATCH = "application/apply-patch+yaml";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String JSON_PATCH = "application/json-patch+json";
    static final String STRATEGIC_PATCH = "application/strategic-merge-patch+json";

    private final ObjectStore store;
    private final ServerFields serverFields;
    private final CreateGuard createGuard;

    ObjectWrites(ObjectStore store, CreateGuard createGuard) {
        this.store = store;
        this.serverFields = new ServerFields(store);
        this.createGuard = createGuard;
    }

    Result create(ApiRequest request, ResourceType type) {
        ApiRequest.Target target = request.target().orElseThrow();
        ObjectNode object = KubeJson.readObject(request.body());
        requireKind(object, type);
        requireNamespace(type, target.namespace());
        if (type.statusSubresource()) {
            object.remove("status");
        }
        String name = object.path("metadata").path("name").asText("");
        if (!name.isEmpty() && store.get(type, target.namespace(), name).isPresent()) {
            throw new ApiException(409, "AlreadyExists", type.resource() + " \"" + name + "\" already exists");
        }
        serverFields.initialize(object, type, target.namespace());
        ObjectFields.Scope scope = scope(type, "");
        ManagedFields managed = ManagedFields.of(KubeJson.MAPPER.createObjectNode());
        ObjectFields fields = new ObjectFields(MergeKeys.forResource(type));
        managed.recordUpdate(
                request.fieldManager(),
                type.apiVersion(),
                "",
                fields.changed(null, ObjectFields.tracked(object, scope)),
                FieldSet.empty());
        managed.writeTo(object);
        if (!request.dryRun()) {
            store.insert(type, target.namespace(), object);
        }
        return new Result(201, object);
    }

    Result replace(ApiRequest request, ResourceType type) {
        ObjectNode current = existing(request, type);
        ObjectNode candidate = KubeJson.readObject(request.body());
        requireKind(candidate, type);
        String sentName = candidate.path("metadata").path("name").asText("");
        if (!sentName.isEmpty()
                && !sentName.equals(request.target().orElseThrow().name())) {
            throw new KubeJson.BadRequest(
                    "the name of the object (" + sentName + ") does not match the name on the URL");
        }
        return update(request, type, current, candidate);
    }

    Result patch(ApiRequest request, ResourceType type) {
        String contentType = request.contentType().split(";")[0].strip();
        if (contentType.equals(APPLY_PATCH)) {
            return apply(request, type);
        }
        ObjectNode current = existing(request, type);
        return update(request, type, current, patched(current, request, type.builtIn()));
    }

    /**
     * The object a merge, JSON or strategic merge patch in the request makes of {@code current}; strategic
     * merge only where {@code strategic} (built-in types), as Kubernetes refuses it for custom resources.
     */
    static ObjectNode patched(ObjectNode current, ApiRequest request, boolean strategic) {
        String contentType = request.contentType().split(";")[0].strip();
        return switch (contentType) {
            case MERGE_PATCH -> asObject(JsonMergePatch.apply(current, KubeJson.read(request.body())));
            case JSON_PATCH -> jsonPatch(current, KubeJson.read(request.body()));
            case STRATEGIC_PATCH -> {
                if (!strategic) {
                    throw unsupported(contentType + " is not supported for custom resources; use " + MERGE_PATCH + ", "
                            + JSON_PATCH + " or " + APPLY_PATCH);
                }
                yield new StrategicMergePatch(new ObjectFields(MergeKeys.BUILT_IN))
                        .apply(current, KubeJson.read(request.body()));
            }
            default -> throw unsupported("the patch type " + contentType + " is not supported");
        };
    }

    private Result apply(ApiRequest request, ResourceType type) {
        ApiRequest.Target target = request.target().orElseThrow();
        if (!request.query().containsKey("fieldManager")
                || request.query().get("fieldManager").isBlank()) {
            throw new ApiException(
                    422,
                    "Invalid",
                    "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }
        JsonNode config = KubeJson.readYaml(request.body());
        if (!(config instanceof ObjectNode configObject)) {
            throw new KubeJson.BadRequest("an apply patch must be an object");
        }
        requireKind(configObject, type);
        ServerSideApply ssa = new ServerSideApply(
                new ObjectFields(MergeKeys.forResource(type)), scope(type, target.subresource()), target.subresource());
        Optional<ObjectNode> current = store.get(type, target.namespace(), target.name());
        if (current.isEmpty()) {
            if (!target.subresource().isEmpty()) {
                throw ApiException.notFound(type, target.name());
            }
            requireNamespace(type, target.namespace());
            createGuard.check(request, type);
            ObjectNode skeleton = KubeJson.MAPPER
                    .createObjectNode()
                    .put("apiVersion", type.apiVersion())
                    .put("kind", type.kind());
            skeleton.putObject("metadata").put("name", target.name());
            ObjectNode created = ssa.apply(skeleton, configObject, request.fieldManager(), request.flag("force"));
            serverFields.initialize(created, type, target.namespace());
            if (!request.dryRun()) {
                store.insert(type, target.namespace(), created);
            }
            return new Result(201, created);
        }
        ObjectNode applied = ssa.apply(current.get(), configObject, request.fieldManager(), request.flag("force"));
        // only a resourceVersion the applier sent is checked against the stored one
        KubeJson.child(applied, "metadata").remove("resourceVersion");
        copyField(KubeJson.child(configObject, "metadata"), KubeJson.child(applied, "metadata"), "resourceVersion");
        return store(request, type, current.get(), applied);
    }

    /**
     * Stores {@code candidate} in place of {@code current}, recorded in managedFields under the request's
     * subresource; also how a write through {@code scale} lands, once turned into the whole object.
     */
    Result update(ApiRequest request, ResourceType type, ObjectNode current, ObjectNode candidate) {
        String subresource = request.target().orElseThrow().subresource();
        ObjectNode updated = keepStatusWhereOwned(current, candidate, type, subresource);
        ObjectFields.Scope scope = scope(type, subresource);
        ObjectFields fields = new ObjectFields(MergeKeys.forResource(type));
        ObjectNode before = ObjectFields.tracked(current, scope);
        ObjectNode after = ObjectFields.tracked(updated, scope);
        ManagedFields managed = ManagedFields.of(current);
        managed.recordUpdate(
                request.fieldManager(),
                type.apiVersion(),
                subresource,
                fields.changed(before, after),
                fields.removed(before, after));
        managed.writeTo(updated);
        return store(request, type, current, updated);
    }

    private Result store(ApiRequest request, ResourceType type, ObjectNode current, ObjectNode updated) {
        ApiRequest.Target target = request.target().orElseThrow();
        serverFields.carryOver(current, updated, type);
        if (sameIgnoringTimes(current, updated)) {
            return new Result(200, current);
        }
        serverFields.touch(current, updated, request.dryRun());
        if (!request.dryRun()) {
            store.replace(type, target.namespace(), target.name(), updated);
        }
        return new Result(200, updated);
    }

    /** Writes to an object leave status alone when a status subresource exists; writes to it touch only status. */
    private static ObjectNode keepStatusWhereOwned(
            ObjectNode current, ObjectNode candidate, ResourceType type, String subresource) {
        if ("status".equals(subresource)) {
            ObjectNode updated = current.deepCopy();
            copyField(candidate, updated, "status");
            copyField(KubeJson.child(candidate, "metadata"), KubeJson.child(updated, "metadata"), "resourceVersion");
            return updated;
        }
        ObjectNode updated = candidate.deepCopy();
        if (type.statusSubresource()) {
            copyField(current, updated, "status");
        }
        return updated;
    }

    private static void copyField(ObjectNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field).deepCopy());
        } else {
            to.remove(field);
        }
    }

    static ObjectFields.Scope scope(ResourceType type, String subresource) {
        if ("status".equals(subresource)) {
            return ObjectFields.Scope.STATUS_ONLY;
        }
        return type.statusSubresource() ? ObjectFields.Scope.MAIN_WITHOUT_STATUS : ObjectFields.Scope.WHOLE;
    }

    private ObjectNode existing(ApiRequest request, ResourceType type) {
        ApiRequest.Target target = request.target().orElseThrow();
        return store.get(type, target.namespace(), target.name())
                .orElseThrow(() -> ApiException.notFound(type, target.name()));
    }

    private void requireNamespace(ResourceType type, String namespace) {
        if (type.namespaced()
                && store.get(BuiltInResources.NAMESPACES, "", namespace).isEmpty()) {
            throw ApiException.notFound(BuiltInResources.NAMESPACES, namespace);
        }
    }

    private static void requireKind(ObjectNode object, ResourceType type) {
        String kind = object.path("kind").asText(type.kind());
        String apiVersion = object.path("apiVersion").asText(type.apiVersion());
        if (!kind.equals(type.kind()) || !apiVersion.equals(type.apiVersion())) {
            throw new KubeJson.BadRequest("the API version in the data (" + apiVersion + ") and kind (" + kind
                    + ") do not match the resource " + type.plural() + " of " + type.apiVersion());
        }
    }

    private static ObjectNode jsonPatch(ObjectNode current, JsonNode patch) {
        try {
            return asObject(JsonPatch.apply(patch, current));
        } catch (JsonPatchException e) {
            throw new ApiException(422, "Invalid", "the JSON patch could not be applied: " + e.getMessage());
        }
    }

    private static ObjectNode asObject(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new KubeJson.BadRequest("the patched object is not a JSON object");
    }

    private static boolean sameIgnoringTimes(ObjectNode current, ObjectNode updated) {
        return withoutTimes(current).equals(withoutTimes(updated));
    }

    private static ObjectNode withoutTimes(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.path("metadata").path("managedFields").forEach(entry -> ((ObjectNode) entry).remove("time"));
        return copy;
    }

    private static ApiException unsupported(String message) {
        return new ApiException(415, "UnsupportedMediaType", message);
    }
}
