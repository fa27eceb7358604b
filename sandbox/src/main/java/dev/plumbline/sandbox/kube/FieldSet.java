package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of field paths, as Kubernetes records it in {@code metadata.managedFields[].fieldsV1}.
 * A path is a list of elements in their serialized form ({@code f:name}, {@code k:{"name":"app"}}), so that
 * sets read back from stored objects compare equal to sets computed from values.
 */
final class FieldSet {

    static final String SELF = ".";

    private boolean member;
    private final TreeMap<String, FieldSet> children = new TreeMap<>();

    static FieldSet empty() {
        return new FieldSet();
    }

    static FieldSet fromFieldsV1(JsonNode node) {
        FieldSet set = new FieldSet();
        if (node == null || !node.isObject()) {
            return set;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (SELF.equals(field.getKey())) {
                set.member = true;
            } else {
                FieldSet child = fromFieldsV1(field.getValue());
                if (child.children.isEmpty()) {
                    // a leaf is written as {} and is itself a member
                    child.member = true;
                }
                set.children.put(field.getKey(), child);
            }
        }
        return set;
    }

    ObjectNode toFieldsV1() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (member && !children.isEmpty()) {
            node.putObject(SELF);
        }
        children.forEach((element, child) -> {
            if (!child.isEmpty()) {
                node.set(element, child.toFieldsV1());
            }
        });
        return node;
    }

    void add(List<String> path) {
        FieldSet node = this;
        for (String element : path) {
            node = node.children.computeIfAbsent(element, e -> new FieldSet());
        }
        node.member = true;
    }

    boolean isEmpty() {
        return !member && children.values().stream().allMatch(FieldSet::isEmpty);
    }

    boolean contains(List<String> path) {
        FieldSet node = find(path);
        return node != null && node.member;
    }

    /** Whether the path or anything beneath it is in the set. */
    boolean touches(List<String> path) {
        FieldSet node = find(path);
        return node != null && !node.isEmpty();
    }

    FieldSet union(FieldSet other) {
        FieldSet result = copy();
        other.members().forEach(result::add);
        return result;
    }

    /** The members of this set that are not members of the other. */
    FieldSet minus(FieldSet other) {
        FieldSet result = new FieldSet();
        members().stream().filter(path -> !other.contains(path)).forEach(result::add);
        return result;
    }

    FieldSet intersect(FieldSet other) {
        FieldSet result = new FieldSet();
        members().stream().filter(other::contains).forEach(result::add);
        return result;
    }

    /** This set without the given path and everything beneath it. */
    FieldSet withoutSubtree(List<String> path) {
        FieldSet result = new FieldSet();
        members().stream().filter(member -> !startsWith(member, path)).forEach(result::add);
        return result;
    }

    FieldSet copy() {
        FieldSet result = new FieldSet();
        members().forEach(result::add);
        return result;
    }

    /** Every member path, parents before their children. */
    List<List<String>> members() {
        List<List<String>> paths = new ArrayList<>();
        collect(new ArrayList<>(), paths);
        return paths;
    }

    static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private void collect(List<String> prefix, List<List<String>> paths) {
        if (member) {
            paths.add(List.copyOf(prefix));
        }
        children.forEach((element, child) -> {
            prefix.add(element);
            child.collect(prefix, paths);
            prefix.remove(prefix.size() - 1);
        });
    }

    private FieldSet find(List<String> path) {
        FieldSet node = this;
        for (String element : path) {
            node = node.children.get(element);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet set && members().equals(set.members());
    }

    @Override
    public int hashCode() {
        return members().hashCode();
    }

    @Override
    public String toString() {
        return toFieldsV1().toString();
    }
}
