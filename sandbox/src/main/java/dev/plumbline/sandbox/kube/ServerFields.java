package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The fields the server owns on every object ({@code uid}, {@code creationTimestamp}, {@code resourceVersion},
 * {@code generation}) and the little status a real control plane would fill in at once and that clients wait
 * for: an Active namespace, an Established CustomResourceDefinition.
 */
final class ServerFields {

    private static final List<String> KEPT_ON_UPDATE =
            List.of("uid", "creationTimestamp", "generation", "deletionTimestamp", "namespace");

    private final ObjectStore store;

    ServerFields(ObjectStore store) {
        this.store = store;
    }

    void initialize(ObjectNode object, ResourceType type, String namespace) {
        ObjectNode metadata = KubeJson.child(object, "metadata");
        if (!metadata.hasNonNull("name") && metadata.hasNonNull("generateName")) {
            metadata.put("name", metadata.get("generateName").asText() + randomSuffix());
        }
        if (type.namespaced()) {
            metadata.put("namespace", namespace);
        } else {
            metadata.remove("namespace");
        }
        metadata.put("uid", UUID.randomUUID().toString());
        metadata.put("creationTimestamp", KubeJson.now());
        metadata.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        metadata.put("generation", 1);
        metadata.remove(List.of("deletionTimestamp", "selfLink"));
        object.put("apiVersion", type.apiVersion()).put("kind", type.kind());
        fillStatus(object, type);
    }

    /**
     * Carries the server's fields from the stored object to its replacement, refusing a replacement written
     * against an older resourceVersion as Kubernetes does (optimistic concurrency).
     */
    void carryOver(ObjectNode current, ObjectNode updated, ResourceType type) {
        ObjectNode metadata = KubeJson.child(updated, "metadata");
        JsonNode currentMetadata = current.path("metadata");
        String currentVersion = currentMetadata.path("resourceVersion").asText();
        String sentVersion = metadata.path("resourceVersion").asText("");
        if (!sentVersion.isEmpty() && !sentVersion.equals(currentVersion)) {
            throw new ApiException(
                    409,
                    "Conflict",
                    "Operation cannot be fulfilled on " + type.plural() + " \""
                            + currentMetadata.path("name").asText() + "\": the object has been modified; please apply "
                            + "your changes to the latest version and try again");
        }
        metadata.set("name", currentMetadata.get("name"));
        KEPT_ON_UPDATE.forEach(field -> {
            if (currentMetadata.has(field)) {
                metadata.set(field, currentMetadata.get(field));
            } else {
                metadata.remove(field);
            }
        });
        metadata.put("resourceVersion", currentVersion);
        updated.put("apiVersion", type.apiVersion()).put("kind", type.kind());
        fillStatus(updated, type);
    }

    /** Bumps resourceVersion (not on a dry run), and generation when more than metadata and status changed. */
    void touch(ObjectNode current, ObjectNode updated, boolean dryRun) {
        ObjectNode metadata = KubeJson.child(updated, "metadata");
        if (specChanged(current, updated)) {
            metadata.put(
                    "generation", current.path("metadata").path("generation").asLong(1) + 1);
        }
        // a dry run stores nothing, so the object keeps its version (kubectl diff compares them)
        metadata.put(
                "resourceVersion",
                dryRun
                        ? current.path("metadata").path("resourceVersion").asText()
                        : String.valueOf(store.nextResourceVersion()));
    }

    private static boolean specChanged(JsonNode current, JsonNode updated) {
        ObjectNode before = ((ObjectNode) current).deepCopy();
        ObjectNode after = ((ObjectNode) updated).deepCopy();
        before.remove(List.of("metadata", "status"));
        after.remove(List.of("metadata", "status"));
        return !before.equals(after);
    }

    private static void fillStatus(ObjectNode object, ResourceType type) {
        if (!type.builtIn() || !type.group().isEmpty() && !type.group().equals("apiextensions.k8s.io")) {
            return;
        }
        if (type.kind().equals("Namespace")) {
            KubeJson.child(object, "status")
                    .put("phase", object.path("metadata").has("deletionTimestamp") ? "Terminating" : "Active");
        } else if (type.kind().equals("CustomResourceDefinition")) {
            establish(object);
        }
    }

    private static void establish(ObjectNode crd) {
        ObjectNode status = KubeJson.child(crd, "status");
        status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
        if (status.path("conditions").isEmpty()) {
            status.putArray("conditions")
                    .add(condition("NamesAccepted", "NoConflicts", "no conflicts found"))
                    .add(condition("Established", "InitialNamesAccepted", "the initial names have been accepted"));
        }
        status.putArray("storedVersions").addAll(storedVersions(crd));
    }

    private static ObjectNode condition(String type, String reason, String message) {
        return KubeJson.MAPPER
                .createObjectNode()
                .put("type", type)
                .put("status", "True")
                .put("lastTransitionTime", KubeJson.now())
                .put("reason", reason)
                .put("message", message);
    }

    private static List<JsonNode> storedVersions(JsonNode crd) {
        List<JsonNode> versions = new ArrayList<>();
        crd.path("spec").path("versions").forEach(version -> {
            if (version.path("storage").asBoolean(false)) {
                versions.add(version.path("name"));
            }
        });
        return versions;
    }

    private static String randomSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 5);
    }
}
