package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code preconditions} of a delete's {@code DeleteOptions} body: the UID and resourceVersion the caller decided
 * on. kube-apiserver checks them against the stored object inside the delete and answers an object that is no
 * longer that one (deleted and recreated under the same name, or changed since) with 409 Conflict, deleting nothing.
 * An empty body, or one without preconditions, deletes whatever object has the name.
 *
 * @param uid             null when the caller named none
 * @param resourceVersion null when the caller named none
 */
record DeletePreconditions(String uid, String resourceVersion) {

    static final DeletePreconditions NONE = new DeletePreconditions(null, null);

    static DeletePreconditions of(ApiRequest request) {
        if (request.body() == null || request.body().isBlank()) {
            return NONE;
        }
        ObjectNode options;
        try {
            options = KubeJson.readObject(request.body());
        } catch (KubeJson.BadRequest e) {
            throw new KubeJson.BadRequest("the DeleteOptions body cannot be read: " + e.getMessage());
        }
        JsonNode preconditions = options.path("preconditions");
        return new DeletePreconditions(text(preconditions, "uid"), text(preconditions, "resourceVersion"));
    }

    private static String text(JsonNode preconditions, String field) {
        JsonNode value = preconditions.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Refuses, with kube-apiserver's wording, to delete a stored object these preconditions do not name. */
    void check(ResourceType type, ObjectNode stored) {
        JsonNode metadata = stored.path("metadata");
        String storedUid = metadata.path("uid").asText();
        if (uid != null && !uid.equals(storedUid)) {
            throw conflict(type, metadata, "UID in precondition: " + uid + ", UID in object meta: " + storedUid);
        }
        String storedVersion = metadata.path("resourceVersion").asText();
        if (resourceVersion != null && !resourceVersion.equals(storedVersion)) {
            throw conflict(
                    type,
                    metadata,
                    "ResourceVersion in precondition: " + resourceVersion + ", ResourceVersion in object meta: "
                            + storedVersion);
        }
    }

    private static ApiException conflict(ResourceType type, JsonNode metadata, String mismatch) {
        String name = metadata.path("name").asText();
        ObjectNode details = KubeJson.MAPPER.createObjectNode().put("name", name);
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        details.put("kind", type.plural());
        return new ApiException(
                409,
                "Conflict",
                "Operation cannot be fulfilled on " + type.resource() + " " + GoQuote.of(name)
                        + ": Precondition failed: " + mismatch,
                details);
    }
}
