package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Server-side apply of one configuration onto one live object (or onto nothing, which creates it):
 * conflict detection against other managers, the merge, and the removal of fields the applier stopped
 * sending, following Kubernetes' structured merge.
 */
final class ServerSideApply {

    private final ObjectFields fields;
    private final ObjectFields.Scope scope;
    private final String subresource;

    ServerSideApply(ObjectFields fields, ObjectFields.Scope scope, String subresource) {
        this.fields = fields;
        this.scope = scope;
        this.subresource = subresource;
    }

    /**
     * The object after the apply, with its managed fields recorded.
     *
     * @param live the stored object, or a skeleton holding only apiVersion, kind and metadata when it is missing
     */
    ObjectNode apply(ObjectNode live, JsonNode config, String manager, boolean force) {
        ManagedFields managed = ManagedFields.of(live);
        ObjectNode liveTracked = ObjectFields.tracked(live, scope);
        ObjectNode configTracked = ObjectFields.tracked(config, scope);
        FieldSet applied = fields.of(configTracked);

        List<ApplyConflict.Field> conflicts = conflicts(managed, applied, liveTracked, configTracked, manager);
        if (!conflicts.isEmpty() && !force) {
            throw new ApplyConflict(conflicts);
        }
        FieldSet taken = FieldSet.empty();
        conflicts.forEach(conflict -> taken.add(conflict.path()));
        managed.disown(taken, entry -> !entry.isApplyBy(manager, subresource));

        ObjectNode merged = live.deepCopy();
        mergeObject(merged, configTracked, new ArrayList<>());
        removeDropped(merged, managed, managed.appliedBy(manager, subresource).minus(applied), applied, manager);

        managed.recordApply(
                manager,
                config.path("apiVersion").asText(live.path("apiVersion").asText()),
                subresource,
                applied);
        managed.writeTo(merged);
        return merged;
    }

    private List<ApplyConflict.Field> conflicts(
            ManagedFields managed, FieldSet applied, JsonNode live, JsonNode config, String manager) {
        List<ApplyConflict.Field> conflicts = new ArrayList<>();
        for (ManagedFields.Entry entry : managed.entries()) {
            if (entry.isApplyBy(manager, subresource) || !entry.subresource().equals(subresource)) {
                continue;
            }
            for (List<String> path : entry.fields().intersect(applied).members()) {
                // owning a list item is not owning its values; those are compared field by field
                boolean item = path.get(path.size() - 1).startsWith("k:");
                if (!item && !Objects.equals(fields.valueAt(live, path), fields.valueAt(config, path))) {
                    conflicts.add(new ApplyConflict.Field(entry, path));
                }
            }
        }
        return conflicts;
    }

    /** Fields the applier owned and no longer sends are removed, unless someone else still owns them. */
    private void removeDropped(
            ObjectNode merged, ManagedFields managed, FieldSet dropped, FieldSet applied, String manager) {
        List<List<String>> paths = dropped.members();
        Collections.reverse(paths);
        for (List<String> path : paths) {
            if (!applied.touches(path) && !managed.ownedByOthers(path, manager, subresource)) {
                fields.remove(merged, path);
            }
        }
    }

    private void mergeObject(ObjectNode target, JsonNode config, List<String> fieldNames) {
        config.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(name);
            fieldNames.add(name);
            if (value.isObject() && !value.isEmpty() && existing instanceof ObjectNode existingObject) {
                mergeObject(existingObject, value, fieldNames);
            } else if (existing instanceof ArrayNode existingList
                    && fields.keyed(fieldNames, value)
                    && fields.keyed(fieldNames, existing)) {
                mergeList(existingList, value, fieldNames);
            } else {
                target.set(name, value.deepCopy());
            }
            fieldNames.remove(fieldNames.size() - 1);
        });
    }

    private void mergeList(ArrayNode target, JsonNode config, List<String> fieldNames) {
        for (JsonNode item : config) {
            String element = fields.itemElement(fieldNames, item).orElseThrow();
            JsonNode existing = fields.valueAt(target, List.of(element)).orElse(null);
            if (existing instanceof ObjectNode existingItem) {
                mergeObject(existingItem, item, fieldNames);
            } else {
                target.add(item.deepCopy());
            }
        }
    }
}
