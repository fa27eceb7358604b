package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the field sets of object values the way Kubernetes' structured merge does: every leaf value,
 * every empty map and every item of a keyed list is a member; maps with content are not members
 * themselves, only their fields are.
 */
final class ObjectFields {

    /** Which part of an object a write owns: everything but status, everything, or only status. */
    enum Scope {
        MAIN_WITHOUT_STATUS,
        WHOLE,
        STATUS_ONLY
    }

    /** Metadata the server sets; Kubernetes never records an owner for them. */
    private static final Set<String> SERVER_METADATA = Set.of(
            "name",
            "namespace",
            "uid",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "managedFields",
            "selfLink",
            "deletionTimestamp",
            "deletionGracePeriodSeconds");

    private final MergeKeys keys;

    ObjectFields(MergeKeys keys) {
        this.keys = keys;
    }

    /** The part of an object whose fields are owned, without apiVersion, kind and server-set metadata. */
    static ObjectNode tracked(JsonNode object, Scope scope) {
        ObjectNode copy = object == null || !object.isObject()
                ? KubeJson.MAPPER.createObjectNode()
                : ((ObjectNode) object).deepCopy();
        if (scope == Scope.STATUS_ONLY) {
            ObjectNode onlyStatus = KubeJson.MAPPER.createObjectNode();
            if (copy.has("status")) {
                onlyStatus.set("status", copy.get("status"));
            }
            return onlyStatus;
        }
        copy.remove(List.of("apiVersion", "kind"));
        if (scope == Scope.MAIN_WITHOUT_STATUS) {
            copy.remove("status");
        }
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove(SERVER_METADATA);
            if (metadata.isEmpty()) {
                copy.remove("metadata");
            }
        }
        return copy;
    }

    FieldSet of(JsonNode value) {
        FieldSet set = FieldSet.empty();
        collect(value, new ArrayList<>(), new ArrayList<>(), set);
        return set;
    }

    /** The fields whose value an update from {@code before} to {@code after} sets or changes. */
    FieldSet changed(JsonNode before, JsonNode after) {
        FieldSet set = FieldSet.empty();
        diff(before, after, new ArrayList<>(), new ArrayList<>(), set);
        return set;
    }

    /** The fields present before and gone after. */
    FieldSet removed(JsonNode before, JsonNode after) {
        return of(before).minus(of(after));
    }

    Optional<JsonNode> valueAt(JsonNode object, List<String> path) {
        JsonNode node = object;
        for (String element : path) {
            node = step(node, element);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /** Removes the field or list item at the path; nothing happens when it is absent. */
    void remove(JsonNode object, List<String> path) {
        if (path.isEmpty()) {
            return;
        }
        JsonNode parent = valueAt(object, path.subList(0, path.size() - 1)).orElse(null);
        String last = path.get(path.size() - 1);
        if (last.startsWith("f:") && parent instanceof ObjectNode map) {
            map.remove(last.substring(2));
        } else if (last.startsWith("k:") && parent != null && parent.isArray()) {
            Iterator<JsonNode> items = parent.elements();
            while (items.hasNext()) {
                if (matchesKey(items.next(), last)) {
                    items.remove();
                }
            }
        }
    }

    /** Where a field lives, written as Kubernetes writes it in conflict messages. */
    static String describe(List<String> path) {
        StringBuilder text = new StringBuilder();
        for (String element : path) {
            if (element.startsWith("f:")) {
                text.append('.').append(element.substring(2));
            } else if (element.startsWith("k:")) {
                JsonNode key = KubeJson.read(element.substring(2));
                List<String> parts = new ArrayList<>();
                key.properties().forEach(f -> parts.add(f.getKey() + "=" + f.getValue()));
                text.append('[').append(String.join(",", parts)).append(']');
            } else {
                text.append('[').append(element).append(']');
            }
        }
        return text.toString();
    }

    /** The key of a list item as a path element, or empty when the list is atomic or the item has no key. */
    Optional<String> itemElement(List<String> fieldNames, JsonNode item) {
        return keys.keyOf(fieldNames)
                .filter(key -> item.isObject() && item.hasNonNull(key))
                .map(key -> "k:" + KubeJson.MAPPER.createObjectNode().set(key, item.get(key)));
    }

    /** Whether the list at the path merges by key: it has a merge key and every item carries it. */
    boolean keyed(List<String> fieldNames, JsonNode list) {
        if (!list.isArray() || keys.keyOf(fieldNames).isEmpty()) {
            return false;
        }
        for (JsonNode item : list) {
            if (itemElement(fieldNames, item).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void collect(JsonNode value, List<String> path, List<String> fieldNames, FieldSet set) {
        if (value.isObject() && !value.isEmpty()) {
            value.properties().forEach(field -> {
                path.add("f:" + field.getKey());
                fieldNames.add(field.getKey());
                collect(field.getValue(), path, fieldNames, set);
                fieldNames.remove(fieldNames.size() - 1);
                path.remove(path.size() - 1);
            });
        } else if (!path.isEmpty() && value.isArray() && keyed(fieldNames, value)) {
            for (JsonNode item : value) {
                path.add(itemElement(fieldNames, item).orElseThrow());
                set.add(path);
                collect(item, path, fieldNames, set);
                path.remove(path.size() - 1);
            }
        } else if (!path.isEmpty()) {
            set.add(path);
        }
    }

    private void diff(JsonNode before, JsonNode after, List<String> path, List<String> fieldNames, FieldSet set) {
        boolean kindChanged = before != null && after.isContainerNode() && before.getNodeType() != after.getNodeType();
        if (before == null || before.isMissingNode() || kindChanged) {
            collectNew(after, path, fieldNames, set);
        } else if (after.isObject() && !after.isEmpty() && before.isObject()) {
            after.properties().forEach(field -> {
                path.add("f:" + field.getKey());
                fieldNames.add(field.getKey());
                diff(before.get(field.getKey()), field.getValue(), path, fieldNames, set);
                fieldNames.remove(fieldNames.size() - 1);
                path.remove(path.size() - 1);
            });
        } else if (after.isArray() && keyed(fieldNames, after) && keyed(fieldNames, before)) {
            for (JsonNode item : after) {
                String element = itemElement(fieldNames, item).orElseThrow();
                path.add(element);
                diff(findItem(before, element), item, path, fieldNames, set);
                path.remove(path.size() - 1);
            }
        } else if (!after.equals(before) && !path.isEmpty()) {
            set.add(path);
        }
    }

    private void collectNew(JsonNode value, List<String> path, List<String> fieldNames, FieldSet set) {
        if (!path.isEmpty() && path.get(path.size() - 1).startsWith("k:")) {
            set.add(path);
        }
        collect(value, new ArrayList<>(path), new ArrayList<>(fieldNames), set);
    }

    private JsonNode step(JsonNode node, String element) {
        if (element.startsWith("f:")) {
            return node.isObject() ? node.get(element.substring(2)) : null;
        }
        if (element.startsWith("k:")) {
            return findItem(node, element);
        }
        return null;
    }

    private static JsonNode findItem(JsonNode list, String element) {
        if (list == null || !list.isArray()) {
            return null;
        }
        for (JsonNode item : list) {
            if (matchesKey(item, element)) {
                return item;
            }
        }
        return null;
    }

    private static boolean matchesKey(JsonNode item, String element) {
        if (!item.isObject()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> key =
                KubeJson.read(element.substring(2)).properties().iterator();
        while (key.hasNext()) {
            Map.Entry<String, JsonNode> part = key.next();
            if (!part.getValue().equals(item.get(part.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
