package dev.plumbline.engine.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Removes what the API server writes and Git never does, so that it never shows as a difference: the object's
 * bookkeeping metadata, the last-applied annotation of client-side apply (which also holds a Secret's data in
 * clear), {@code status}, and {@code apiVersion} (one object is served under every version of its kind; the diff
 * compares fields, not the version it happened to be read at).
 */
public final class ServerFieldStripper {

    /** Server-set metadata. Documented in docs/engine.md; keep the two in step. */
    public static final List<String> SERVER_METADATA = List.of(
            "uid",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "managedFields",
            "selfLink");

    public static final String LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private ServerFieldStripper() {}

    /** Strips {@code body} in place. */
    public static void strip(ObjectNode body) {
        body.remove("status");
        body.remove("apiVersion");
        JsonNode metadata = body.get("metadata");
        if (metadata instanceof ObjectNode meta) {
            meta.remove(SERVER_METADATA);
            if (meta.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove(LAST_APPLIED_ANNOTATION);
            }
        }
    }
}
