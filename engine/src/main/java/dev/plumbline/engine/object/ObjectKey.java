package dev.plumbline.engine.object;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.manifest.ObjectIdentity;

/**
 * An object's identity without its version, for matching desired and live objects in maps: the API server serves
 * one object under every version of its kind, so {@code apps/v1} in Git and another version read live are the same
 * object ({@link ObjectIdentity#sameObjectAs}).
 */
public record ObjectKey(String group, String kind, String namespace, String name) {

    public static ObjectKey of(ObjectIdentity identity) {
        return new ObjectKey(identity.group(), identity.kind(), identity.namespace(), identity.name());
    }

    public static ObjectKey of(JsonNode body) {
        return of(ObjectIdentityReader.identityOf(body));
    }

    @Override
    public String toString() {
        return kind + (group.isEmpty() ? "" : "." + group) + " " + (namespace == null ? name : namespace + "/" + name);
    }
}
