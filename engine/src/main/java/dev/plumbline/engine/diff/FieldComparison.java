package dev.plumbline.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.normalize.ListMergeKeys;
import dev.plumbline.engine.normalize.ListRule;
import dev.plumbline.engine.normalize.ValueSemantics;
import dev.plumbline.engine.object.FieldPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two normalized bodies, desired against live, and lists the differences. The rule that keeps defaults out:
 * only what desired specifies is compared; what live has beyond it counts only where it cannot be a default:
 * entries a keyed list gained (an env var added by hand) and keys a ConfigMap's or Secret's data gained.
 */
final class FieldComparison {

    private static final ObjectNode NO_MAP = JsonNodeFactory.instance.objectNode();
    private static final ArrayNode NO_LIST = JsonNodeFactory.instance.arrayNode();
    private static final Set<String> DATA_MAPS = Set.of("data", "binaryData");

    private final boolean dataKeysAreDesiredState;
    private final List<FieldChange> changes = new ArrayList<>();

    private FieldComparison(boolean dataKeysAreDesiredState) {
        this.dataKeysAreDesiredState = dataKeysAreDesiredState;
    }

    /**
     * @param dataKeysAreDesiredState true for ConfigMaps and Secrets, whose data no one defaults: a key added live
     *                                is drift
     */
    static List<FieldChange> compare(ObjectNode desired, ObjectNode live, boolean dataKeysAreDesiredState) {
        FieldComparison comparison = new FieldComparison(dataKeysAreDesiredState);
        comparison.compareMaps(FieldPath.root(), desired, live, false, false);
        return comparison.changes;
    }

    private void compareMaps(
            FieldPath path, ObjectNode desired, ObjectNode live, boolean freeForm, boolean gainedKeysCount) {
        Iterator<Map.Entry<String, JsonNode>> wanted = desired.properties().iterator();
        while (wanted.hasNext()) {
            Map.Entry<String, JsonNode> field = wanted.next();
            compareValues(
                    path.field(field.getKey()), field.getKey(), field.getValue(), live.get(field.getKey()), freeForm);
        }
        Iterator<Map.Entry<String, JsonNode>> present = live.properties().iterator();
        while (present.hasNext()) {
            Map.Entry<String, JsonNode> field = present.next();
            if (desired.has(field.getKey())) {
                continue;
            }
            if (gainedKeysCount && !ValueSemantics.isAbsent(field.getValue(), freeForm)) {
                changes.add(new FieldChange(path.field(field.getKey()), field.getValue(), null));
            } else {
                compareValues(path.field(field.getKey()), field.getKey(), null, field.getValue(), freeForm);
            }
        }
    }

    private void compareValues(FieldPath path, String name, JsonNode desired, JsonNode live, boolean inFreeFormMap) {
        if (ValueSemantics.isAbsent(desired, inFreeFormMap)) {
            compareGainedOnly(path, name, live);
            return;
        }
        if (desired.equals(live)) {
            return;
        }
        if (desired.isObject()) {
            compareMapValue(path, name, (ObjectNode) desired, live);
        } else if (desired.isArray()) {
            if (live == null || !live.isArray()) {
                changes.add(new FieldChange(path, absentAsNull(live), desired));
            } else {
                compareLists(path, name, (ArrayNode) desired, (ArrayNode) live);
            }
        } else if (live == null || live.isNull()) {
            // Go's omitempty drops false and 0 on the server: a desired zero value reads back as absent
            if (!isZeroValue(desired)) {
                changes.add(new FieldChange(path, null, desired));
            }
        } else if (!ValueSemantics.sameScalar(path, desired, live)) {
            changes.add(new FieldChange(path, live, desired));
        }
    }

    /** Git does not specify this field: only what a keyed list or a data map gained live counts. */
    private void compareGainedOnly(FieldPath path, String name, JsonNode live) {
        if (live == null || live.isEmpty()) {
            return;
        }
        if (live.isArray() && ListMergeKeys.isKeyed(name)) {
            compareLists(path, name, NO_LIST, (ArrayNode) live);
        } else if (live.isObject() && isDataMap(path, name)) {
            compareMaps(path, NO_MAP, (ObjectNode) live, true, true);
        }
    }

    private void compareMapValue(FieldPath path, String name, ObjectNode desired, JsonNode live) {
        boolean freeForm = ValueSemantics.isFreeFormMap(name);
        if (live != null && live.isObject() || freeForm && (live == null || live.isNull())) {
            // entries of a free-form map are fields of their own (one annotation added), also when the map is new
            compareMaps(
                    path,
                    desired,
                    live == null || live.isNull() ? NO_MAP : (ObjectNode) live,
                    freeForm,
                    isDataMap(path, name));
            return;
        }
        // a typed map absent live: one change for the whole map, unless all it holds counts as absent
        FieldComparison nested = new FieldComparison(dataKeysAreDesiredState);
        nested.compareMaps(path, desired, NO_MAP, freeForm, false);
        if (!nested.changes.isEmpty() || live != null && !live.isNull()) {
            changes.add(new FieldChange(path, absentAsNull(live), desired));
        }
    }

    private void compareLists(FieldPath path, String name, ArrayNode desired, ArrayNode live) {
        ListRule rule = ListMergeKeys.ruleFor(name, desired, live);
        if (rule.mode() == ListRule.Mode.KEYED && compareKeyed(path, rule, desired, live)) {
            return;
        }
        if (rule.mode() == ListRule.Mode.CONTAINS && allScalars(desired)) {
            for (JsonNode value : desired) {
                if (!contains(live, value)) {
                    changes.add(new FieldChange(path.value(value), null, value));
                }
            }
            return;
        }
        compareAtomic(path, desired, live);
    }

    /** @return false when an element lacks its key or desired repeats a key: the list is then compared atomic */
    private boolean compareKeyed(FieldPath path, ListRule rule, ArrayNode desired, ArrayNode live) {
        Map<Map<String, JsonNode>, JsonNode> liveByKey = byKey(rule, live);
        Map<Map<String, JsonNode>, JsonNode> desiredByKey = byKey(rule, desired);
        if (liveByKey == null || desiredByKey == null) {
            return false;
        }
        desiredByKey.forEach((key, wanted) -> {
            JsonNode present = liveByKey.remove(key);
            FieldPath element = path.key(key);
            if (present == null) {
                changes.add(new FieldChange(element, null, wanted));
            } else {
                compareValues(element, null, wanted, present, false);
            }
        });
        liveByKey.forEach((key, gained) -> changes.add(new FieldChange(path.key(key), gained, null)));
        return true;
    }

    private void compareAtomic(FieldPath path, ArrayNode desired, ArrayNode live) {
        if (desired.size() != live.size()) {
            changes.add(new FieldChange(path, live, desired));
            return;
        }
        if (allScalars(desired)) {
            for (int i = 0; i < desired.size(); i++) {
                if (!live.get(i).isValueNode() || !ValueSemantics.sameScalar(path, desired.get(i), live.get(i))) {
                    changes.add(new FieldChange(path, live, desired));
                    return;
                }
            }
            return;
        }
        for (int i = 0; i < desired.size(); i++) {
            compareValues(path.index(i), null, desired.get(i), live.get(i), false);
        }
    }

    private static Map<Map<String, JsonNode>, JsonNode> byKey(ListRule rule, ArrayNode list) {
        Map<Map<String, JsonNode>, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode element : list) {
            Map<String, JsonNode> key = ListMergeKeys.keyOf(rule, element);
            if (key == null || byKey.putIfAbsent(key, element) != null) {
                return null;
            }
        }
        return byKey;
    }

    private boolean isDataMap(FieldPath path, String name) {
        return dataKeysAreDesiredState && path.depth() == 1 && DATA_MAPS.contains(name);
    }

    private static boolean isZeroValue(JsonNode value) {
        return value.isBoolean() && !value.booleanValue()
                || value.isNumber() && value.decimalValue().signum() == 0;
    }

    private static boolean allScalars(ArrayNode list) {
        for (JsonNode element : list) {
            if (!element.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(ArrayNode list, JsonNode value) {
        for (JsonNode element : list) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode absentAsNull(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }
}
