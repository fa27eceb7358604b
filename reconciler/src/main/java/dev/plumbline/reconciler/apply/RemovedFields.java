package dev.plumbline.reconciler.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.engine.mask.SecretMask;
import dev.plumbline.engine.object.FieldPath;
import dev.plumbline.events.manifest.FieldDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields Plumbline applied before and Git no longer has. The engine compares only what desired specifies, so a
 * field removed in Git would never show as a difference; but Plumbline's own {@code Apply} entry in
 * {@code metadata.managedFields} lists exactly what it last applied. What that entry owns and the desired body lacks
 * was removed in Git: the next server-side apply removes it from the live object, so it is a difference to show and
 * a reason to apply.
 */
public final class RemovedFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RemovedFields() {}

    /**
     * @param manager the field manager whose {@code Apply} entry counts ({@code plumbline})
     * @return one difference per topmost removed field: before is the live value, after is null
     */
    public static List<FieldDiff> find(ObjectIdentity object, JsonNode desired, JsonNode live, String manager) {
        List<FieldDiff> removed = new ArrayList<>();
        for (JsonNode entry : live.path("metadata").path("managedFields")) {
            if (manager.equals(entry.path("manager").asText())
                    && "Apply".equals(entry.path("operation").asText())
                    && entry.path("subresource").asText("").isEmpty()) {
                walk(entry.path("fieldsV1"), desired, live, FieldPath.root(), removed);
            }
        }
        if (!SecretMask.appliesTo(object)) {
            return removed;
        }
        SecretMask mask = new SecretMask();
        return removed.stream()
                .map(diff -> diff.path().startsWith("data") || diff.path().startsWith("stringData")
                        ? new FieldDiff(diff.path(), mask.mask(diff.before()), null)
                        : diff)
                .toList();
    }

    private static void walk(JsonNode owned, JsonNode desired, JsonNode live, FieldPath path, List<FieldDiff> out) {
        Iterator<Map.Entry<String, JsonNode>> entries = owned.properties().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            if (name.startsWith("f:")) {
                String field = name.substring(2);
                step(entry.getValue(), child(desired, field), child(live, field), path.field(field), out);
            } else if (name.startsWith("k:")) {
                Map<String, JsonNode> key = key(name.substring(2));
                step(entry.getValue(), element(desired, key), element(live, key), path.key(key), out);
            } else if (name.startsWith("v:")) {
                JsonNode value = parse(name.substring(2));
                if (!contains(desired, value) && contains(live, value)) {
                    out.add(new FieldDiff(path.value(value).toString(), value, null));
                }
            }
        }
    }

    private static void step(JsonNode owned, JsonNode desired, JsonNode live, FieldPath path, List<FieldDiff> out) {
        if (live == null || live.isNull()) {
            return;
        }
        if (desired == null || desired.isNull()) {
            out.add(new FieldDiff(path.toString(), live, null));
        } else if (owned.size() > 0) {
            walk(owned, desired, live, path, out);
        }
    }

    private static JsonNode child(JsonNode node, String field) {
        return node == null || !node.isObject() ? null : node.get(field);
    }

    private static JsonNode element(JsonNode list, Map<String, JsonNode> key) {
        if (list == null || !list.isArray()) {
            return null;
        }
        for (JsonNode element : list) {
            boolean all = true;
            for (Map.Entry<String, JsonNode> part : key.entrySet()) {
                JsonNode value = element.get(part.getKey());
                boolean defaulted = value == null
                        && part.getKey().equals("protocol")
                        && "TCP".equals(part.getValue().asText());
                all &= defaulted
                        || value != null
                                && value.asText().equals(part.getValue().asText());
            }
            if (all) {
                return element;
            }
        }
        return null;
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode element : list) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, JsonNode> key(String json) {
        Map<String, JsonNode> key = new LinkedHashMap<>();
        parse(json).properties().forEach(part -> key.put(part.getKey(), part.getValue()));
        return key;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("a managedFields key that is not JSON: " + json, e);
        }
    }
}
