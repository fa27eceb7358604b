package dev.plumbline.engine.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.object.FieldPath.Field;
import dev.plumbline.engine.object.FieldPath.Index;
import dev.plumbline.engine.object.FieldPath.Key;
import dev.plumbline.engine.object.FieldPath.Segment;
import dev.plumbline.engine.object.FieldPath.Value;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fields one field manager owns, read from a {@code metadata.managedFields} entry's {@code fieldsV1}: a tree
 * whose keys are {@code f:<field>}, {@code k:<merge key as JSON>}, {@code v:<value as JSON>}, {@code i:<index>}, and
 * {@code .} for "this node itself". A node is owned (a member) when it is a leaf or carries {@code .}; owning a node
 * owns everything beneath it, as in Kubernetes' structured-merge-diff.
 */
public final class FieldSet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private boolean member;
    private final Map<Segment, FieldSet> children = new LinkedHashMap<>();

    private FieldSet() {}

    /**
     * @param fieldsV1 the entry's {@code fieldsV1}; null or empty owns nothing
     * @throws IllegalArgumentException when a key or value selector is not JSON
     */
    public static FieldSet parse(JsonNode fieldsV1) {
        FieldSet set = new FieldSet();
        if (fieldsV1 != null && fieldsV1.isObject()) {
            set.readChildren(fieldsV1);
        }
        return set;
    }

    private static FieldSet node(JsonNode json) {
        FieldSet node = new FieldSet();
        // a leaf ({}) is owned outright; an inner node only when it lists "."
        node.member = !json.isObject() || json.isEmpty();
        if (json.isObject()) {
            node.readChildren(json);
        }
        return node;
    }

    private void readChildren(JsonNode json) {
        Iterator<Map.Entry<String, JsonNode>> entries = json.properties().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getKey().equals(".")) {
                member = true;
            } else {
                children.put(segment(entry.getKey()), node(entry.getValue()));
            }
        }
    }

    /** The union of several sets, for ignoring the fields of several managers at once. */
    public static FieldSet union(List<FieldSet> sets) {
        FieldSet union = new FieldSet();
        sets.forEach(union::add);
        return union;
    }

    private void add(FieldSet other) {
        member |= other.member;
        other.children.forEach((segment, child) ->
                children.computeIfAbsent(segment, s -> new FieldSet()).add(child));
    }

    /**
     * How deep along {@code path} this set owns: the number of segments of the longest owned prefix, or -1 when no
     * prefix is owned. The path itself owned gives its full depth.
     */
    public int ownedDepth(List<Segment> path) {
        FieldSet node = this;
        int owned = -1;
        for (int depth = 0; ; depth++) {
            if (node.member) {
                owned = depth;
            }
            if (depth == path.size()) {
                return owned;
            }
            node = node.child(path.get(depth));
            if (node == null) {
                return owned;
            }
        }
    }

    /** Whether this set owns anything at or beneath {@code path}. */
    public boolean reaches(List<Segment> path) {
        FieldSet node = this;
        for (Segment segment : path) {
            if (node.member) {
                return true;
            }
            node = node.child(segment);
            if (node == null) {
                return false;
            }
        }
        return true;
    }

    /** Removes every owned field from {@code node}, in place. */
    public void removeFrom(JsonNode node) {
        children.forEach((segment, child) -> {
            if (segment instanceof Field field && node instanceof ObjectNode map) {
                JsonNode value = map.get(field.name());
                if (value != null) {
                    if (child.member) {
                        map.remove(field.name());
                    } else {
                        child.removeFrom(value);
                    }
                }
            } else if (node instanceof ArrayNode list) {
                TreeSet<Integer> removals = new TreeSet<>();
                for (int i = 0; i < list.size(); i++) {
                    if (matches(segment, list.get(i), i)) {
                        if (child.member) {
                            removals.add(i);
                        } else {
                            child.removeFrom(list.get(i));
                        }
                    }
                }
                removals.descendingSet().forEach(list::remove);
            }
        });
    }

    private FieldSet child(Segment segment) {
        FieldSet exact = children.get(segment);
        if (exact != null) {
            return exact;
        }
        if (segment instanceof Key pathKey) {
            for (Map.Entry<Segment, FieldSet> entry : children.entrySet()) {
                if (entry.getKey() instanceof Key setKey && sameKey(setKey.fields(), pathKey.fields())) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private static boolean sameKey(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(entry -> sameScalar(entry.getValue(), b.get(entry.getKey())));
    }

    private static boolean matches(Segment segment, JsonNode element, int index) {
        if (segment instanceof Index at) {
            return at.index() == index;
        }
        if (segment instanceof Value value) {
            return sameScalar(value.value(), element);
        }
        if (segment instanceof Key key && element.isObject()) {
            return key.fields().entrySet().stream().allMatch(part -> {
                JsonNode actual = element.get(part.getKey());
                // an element written without a defaulted key part still is the element the cluster keyed with it
                return actual == null
                        ? part.getKey().equals("protocol")
                                && part.getValue().asText().equals("TCP")
                        : sameScalar(part.getValue(), actual);
            });
        }
        return false;
    }

    private static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static Segment segment(String key) {
        String body = key.length() > 2 ? key.substring(2) : "";
        try {
            if (key.startsWith("f:")) {
                return new Field(body);
            }
            if (key.startsWith("k:")) {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                JSON.readTree(body).properties().forEach(part -> fields.put(part.getKey(), part.getValue()));
                return new Key(fields);
            }
            if (key.startsWith("v:")) {
                return new Value(JSON.readTree(body));
            }
            if (key.startsWith("i:")) {
                return new Index(Integer.parseInt(body));
            }
        } catch (IOException | NumberFormatException malformed) {
            throw new IllegalArgumentException(
                    "malformed managedFields entry " + key + ": " + malformed.getMessage(), malformed);
        }
        throw new IllegalArgumentException("unknown managedFields entry " + key + ": expected f:, k:, v:, i: or .");
    }
}
