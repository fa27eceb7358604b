package dev.plumbline.engine.object;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.manifest.ObjectIdentity;

/** Reads an object's identity from its body, as the API server would address it. */
public final class ObjectIdentityReader {

    private ObjectIdentityReader() {}

    /**
     * @throws InvalidObjectException when apiVersion, kind or metadata.name is missing or empty; a
     *                                {@code generateName} object is refused too, because its name is only known after
     *                                creation, so it could never be found again to compare or prune
     */
    public static ObjectIdentity identityOf(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidObjectException("not a Kubernetes object: expected a mapping with apiVersion, kind and "
                    + "metadata, got "
                    + (body == null ? "nothing" : body.getNodeType().name().toLowerCase()));
        }
        String apiVersion = text(body.get("apiVersion"));
        String kind = text(body.get("kind"));
        JsonNode metadata = body.path("metadata");
        String name = text(metadata.get("name"));
        if (apiVersion == null) {
            throw new InvalidObjectException("missing apiVersion" + named(kind, name));
        }
        if (kind == null) {
            throw new InvalidObjectException("missing kind" + named(apiVersion, name));
        }
        if (name == null) {
            throw new InvalidObjectException("missing metadata.name in " + kind
                    + (metadata.has("generateName")
                            ? " (generateName is not supported: Plumbline must find the object "
                                    + "again by name to compare and prune it)"
                            : ""));
        }
        return ObjectIdentity.namespaced(apiVersion, kind, text(metadata.get("namespace")), name);
    }

    private static String named(String what, String name) {
        return what == null && name == null
                ? ""
                : " in " + (what == null ? "" : what + " ") + (name == null ? "" : name);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }
}
