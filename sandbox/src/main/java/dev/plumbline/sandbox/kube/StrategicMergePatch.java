package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch for built-in types: maps merge recursively, {@code null} deletes,
 * lists with a merge key (see {@link MergeKeys}) merge item by item, other lists are replaced. The
 * directives kubectl sends are honoured: {@code $patch: replace|delete} on maps and list items,
 * {@code $setElementOrder/<list>}, {@code $deleteFromPrimitiveList/<list>} and {@code $retainKeys}.
 */
final class StrategicMergePatch {

    private static final String PATCH = "$patch";
    private static final String ORDER = "$setElementOrder/";
    private static final String DELETE_PRIMITIVES = "$deleteFromPrimitiveList/";
    private static final String RETAIN_KEYS = "$retainKeys";

    private final ObjectFields fields;

    StrategicMergePatch(ObjectFields fields) {
        this.fields = fields;
    }

    ObjectNode apply(ObjectNode original, JsonNode patch) {
        if (!patch.isObject()) {
            throw new KubeJson.BadRequest("a strategic merge patch must be a JSON object");
        }
        JsonNode result = mergeMap(original.deepCopy(), (ObjectNode) patch, new ArrayList<>());
        return result instanceof ObjectNode object ? object : KubeJson.MAPPER.createObjectNode();
    }

    /** Merges the patch into the target; a {@code null} result means the map itself is deleted. */
    private JsonNode mergeMap(ObjectNode target, ObjectNode patch, List<String> fieldNames) {
        String directive = patch.path(PATCH).asText("");
        if ("delete".equals(directive)) {
            return null;
        }
        if ("replace".equals(directive)) {
            ObjectNode replacement = patch.deepCopy();
            replacement.remove(PATCH);
            return replacement;
        }
        for (Map.Entry<String, JsonNode> field : iterable(patch)) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                continue;
            }
            fieldNames.add(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && target.get(name) instanceof ObjectNode existing) {
                setOrRemove(target, name, mergeMap(existing, (ObjectNode) value, fieldNames));
            } else if (value.isObject()) {
                setOrRemove(target, name, mergeMap(KubeJson.MAPPER.createObjectNode(), (ObjectNode) value, fieldNames));
            } else if (value.isArray()) {
                target.set(name, mergeList(target.get(name), (ArrayNode) value, fieldNames));
            } else {
                target.set(name, value);
            }
            fieldNames.remove(fieldNames.size() - 1);
        }
        applyListDirectives(target, patch, fieldNames);
        if (patch.get(RETAIN_KEYS) instanceof ArrayNode retain) {
            Set<String> keep = new HashSet<>();
            retain.forEach(key -> keep.add(key.asText()));
            target.retain(keep);
        }
        return target;
    }

    private JsonNode mergeList(JsonNode existing, ArrayNode patch, List<String> fieldNames) {
        boolean replaceAll = false;
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : patch) {
            if ("replace".equals(item.path(PATCH).asText())) {
                replaceAll = true;
            } else {
                items.add(item);
            }
        }
        ArrayNode patchItems = KubeJson.MAPPER.createArrayNode().addAll(items);
        if (replaceAll || !(existing instanceof ArrayNode current) || !mergeable(patchItems, current, fieldNames)) {
            return withoutDeletions(patchItems);
        }
        ArrayNode result = current.deepCopy();
        for (JsonNode item : patchItems) {
            String element = fields.itemElement(fieldNames, item).orElseThrow();
            int index = indexOf(result, element);
            if ("delete".equals(item.path(PATCH).asText())) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0) {
                JsonNode merged = mergeMap((ObjectNode) result.get(index), (ObjectNode) item, fieldNames);
                if (merged == null) {
                    result.remove(index);
                } else {
                    result.set(index, merged);
                }
            } else {
                result.add(mergeMap(KubeJson.MAPPER.createObjectNode(), (ObjectNode) item, fieldNames));
            }
        }
        return result;
    }

    private boolean mergeable(ArrayNode patch, ArrayNode current, List<String> fieldNames) {
        return fields.keyed(fieldNames, patch) && fields.keyed(fieldNames, current);
    }

    private static ArrayNode withoutDeletions(ArrayNode items) {
        ArrayNode result = KubeJson.MAPPER.createArrayNode();
        items.forEach(item -> {
            if (!"delete".equals(item.path(PATCH).asText())) {
                result.add(item);
            }
        });
        return result;
    }

    private void applyListDirectives(ObjectNode target, ObjectNode patch, List<String> fieldNames) {
        for (Map.Entry<String, JsonNode> field : iterable(patch)) {
            String name = field.getKey();
            if (name.startsWith(DELETE_PRIMITIVES)
                    && target.get(name.substring(DELETE_PRIMITIVES.length())) instanceof ArrayNode list) {
                Set<JsonNode> doomed = new HashSet<>();
                field.getValue().forEach(doomed::add);
                list.removeIf(doomed::contains);
            } else if (name.startsWith(ORDER) && target.get(name.substring(ORDER.length())) instanceof ArrayNode list) {
                List<String> names = new ArrayList<>(fieldNames);
                names.add(name.substring(ORDER.length()));
                target.set(name.substring(ORDER.length()), reorder(list, field.getValue(), names));
            }
        }
    }

    /** Items named in the order directive come first, in its order; the others keep their place after them. */
    private ArrayNode reorder(ArrayNode list, JsonNode order, List<String> fieldNames) {
        if (!fields.keyed(fieldNames, list)) {
            return list;
        }
        ArrayNode result = KubeJson.MAPPER.createArrayNode();
        List<JsonNode> remaining = new ArrayList<>();
        list.forEach(remaining::add);
        for (JsonNode wanted : order) {
            fields.itemElement(fieldNames, wanted).ifPresent(element -> {
                int index = indexOf(remaining, element);
                if (index >= 0) {
                    result.add(remaining.remove(index));
                }
            });
        }
        remaining.forEach(result::add);
        return result;
    }

    private int indexOf(Iterable<JsonNode> items, String element) {
        int index = 0;
        for (JsonNode item : items) {
            if (fields.valueAt(KubeJson.MAPPER.createArrayNode().add(item), List.of(element))
                    .isPresent()) {
                return index;
            }
            index++;
        }
        return -1;
    }

    private static void setOrRemove(ObjectNode target, String name, JsonNode value) {
        if (value == null) {
            target.remove(name);
        } else {
            target.set(name, value);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        entries.addAll(node.properties());
        return entries;
    }
}
