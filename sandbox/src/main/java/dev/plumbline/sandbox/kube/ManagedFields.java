package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The {@code metadata.managedFields} of one object: who owns which fields, through which operation.
 * An {@code Update} entry is kept per manager, API version and subresource; an {@code Apply} entry per
 * manager and subresource, as Kubernetes does.
 */
final class ManagedFields {

    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    record Entry(
            String manager, String operation, String apiVersion, String time, String subresource, FieldSet fields) {

        Entry withFields(FieldSet newFields) {
            return new Entry(manager, operation, apiVersion, time, subresource, newFields);
        }

        boolean isApplyBy(String name, String sub) {
            return manager.equals(name) && APPLY.equals(operation) && subresource.equals(sub);
        }
    }

    private final List<Entry> entries;

    private ManagedFields(List<Entry> entries) {
        this.entries = entries;
    }

    static ManagedFields of(JsonNode object) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : object.path("metadata").path("managedFields")) {
            entries.add(new Entry(
                    entry.path("manager").asText(""),
                    entry.path("operation").asText(UPDATE),
                    entry.path("apiVersion").asText(""),
                    entry.path("time").asText(""),
                    entry.path("subresource").asText(""),
                    FieldSet.fromFieldsV1(entry.get("fieldsV1"))));
        }
        return new ManagedFields(entries);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    void writeTo(ObjectNode object) {
        ObjectNode metadata = KubeJson.child(object, "metadata");
        ArrayNode array = metadata.putArray("managedFields");
        for (Entry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("manager", entry.manager())
                    .put("operation", entry.operation())
                    .put("apiVersion", entry.apiVersion())
                    .put("time", entry.time())
                    .put("fieldsType", "FieldsV1");
            node.set("fieldsV1", entry.fields().toFieldsV1());
            if (!entry.subresource().isEmpty()) {
                node.put("subresource", entry.subresource());
            }
        }
        if (array.isEmpty()) {
            metadata.remove("managedFields");
        }
    }

    /**
     * Records a non-apply write: the manager owns what it changed, nobody else does any more, and fields
     * that disappeared are owned by no one.
     */
    void recordUpdate(String manager, String apiVersion, String subresource, FieldSet changed, FieldSet removed) {
        Predicate<Entry> target = entry -> entry.manager().equals(manager)
                && UPDATE.equals(entry.operation())
                && entry.apiVersion().equals(apiVersion)
                && entry.subresource().equals(subresource);
        FieldSet previous =
                entries.stream().filter(target).findFirst().map(Entry::fields).orElse(FieldSet.empty());
        disown(changed.union(removed), entry -> !target.test(entry));
        if (changed.isEmpty() && previous.isEmpty()) {
            return;
        }
        FieldSet owned = previous.union(changed).minus(removed);
        replace(target, new Entry(manager, UPDATE, apiVersion, KubeJson.now(), subresource, owned));
    }

    /** Records an apply: the manager's apply entry becomes exactly the fields it sent. */
    void recordApply(String manager, String apiVersion, String subresource, FieldSet applied) {
        replace(
                entry -> entry.isApplyBy(manager, subresource),
                new Entry(manager, APPLY, apiVersion, KubeJson.now(), subresource, applied));
    }

    FieldSet appliedBy(String manager, String subresource) {
        return entries.stream()
                .filter(entry -> entry.isApplyBy(manager, subresource))
                .findFirst()
                .map(Entry::fields)
                .orElse(FieldSet.empty());
    }

    /** Whether any entry other than the manager's apply entry owns the path or something beneath it. */
    boolean ownedByOthers(List<String> path, String manager, String subresource) {
        return entries.stream()
                .filter(entry -> !entry.isApplyBy(manager, subresource))
                .anyMatch(entry -> entry.fields().touches(path));
    }

    /** Removes the fields from every entry the filter selects, dropping entries left with nothing. */
    void disown(FieldSet fields, Predicate<Entry> from) {
        if (fields.isEmpty()) {
            return;
        }
        entries.replaceAll(
                entry -> from.test(entry) ? entry.withFields(entry.fields().minus(fields)) : entry);
        entries.removeIf(entry -> entry.fields().isEmpty());
    }

    private void replace(Predicate<Entry> target, Entry replacement) {
        int index = indexOf(target);
        if (index >= 0) {
            entries.set(index, replacement);
        } else {
            entries.add(replacement);
        }
        entries.removeIf(entry -> entry.fields().isEmpty() && !Objects.equals(entry, replacement));
    }

    private int indexOf(Predicate<Entry> target) {
        for (int i = 0; i < entries.size(); i++) {
            if (target.test(entries.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
