package dev.plumbline.engine.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.FieldPath;
import java.util.Set;

/**
 * When two values mean the same to Kubernetes though they are written differently: the value-level noise rules.
 * Each rule is tied to the fields where Kubernetes itself treats the spellings alike, never applied everywhere,
 * because the same text in a ConfigMap is data that must match exactly.
 */
public final class ValueSemantics {

    /**
     * Maps whose keys are chosen by users, not by a schema: an empty-string value in them is a value (an annotation
     * {@code foo: ""} exists), where in a typed field an empty string is dropped by the server like absence.
     */
    public static final Set<String> FREE_FORM_MAPS = Set.of(
            "labels",
            "annotations",
            "data",
            "stringData",
            "binaryData",
            "nodeSelector",
            "matchLabels",
            "selector",
            "parameters");

    /** A value is a quantity when its parent field is one of these (resources.limits.cpu, spec.hard.pods, ...). */
    public static final Set<String> QUANTITY_PARENTS = Set.of(
            "limits",
            "requests",
            "hard",
            "capacity",
            "overhead",
            "max",
            "min",
            "default",
            "defaultRequest",
            "maxLimitRequestRatio");

    /** ... or when the field itself is one of these. */
    public static final Set<String> QUANTITY_FIELDS = Set.of("sizeLimit", "averageValue");

    private ValueSemantics() {}

    public static boolean isFreeFormMap(String fieldName) {
        return fieldName != null && FREE_FORM_MAPS.contains(fieldName);
    }

    public static boolean isQuantity(FieldPath path) {
        String field = path.lastFieldName();
        String parent = path.parent().lastFieldName();
        return field != null && QUANTITY_FIELDS.contains(field) || parent != null && QUANTITY_PARENTS.contains(parent);
    }

    /**
     * Whether a value counts as absent: missing, null, an empty map or an empty list (the API server omits all of
     * them), or an empty string except as the value of a free-form map entry.
     *
     * @param inFreeFormMap whether the value is an entry of a free-form map
     */
    public static boolean isAbsent(JsonNode value, boolean inFreeFormMap) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isContainerNode()) {
            return value.isEmpty();
        }
        return !inFreeFormMap && value.isTextual() && value.asText().isEmpty();
    }

    /** Whether two plain values at {@code path} mean the same. */
    public static boolean sameScalar(FieldPath path, JsonNode desired, JsonNode live) {
        if (desired.equals(live)) {
            return true;
        }
        if (desired.isNumber() && live.isNumber()) {
            return desired.decimalValue().compareTo(live.decimalValue()) == 0;
        }
        if (IntOrString.isIntOrString(path.lastFieldName()) && IntOrString.sameNumber(desired, live)) {
            return true;
        }
        return isQuantity(path) && Quantity.sameAmount(desired, live);
    }
}
