package dev.plumbline.engine.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Fields Kubernetes types as int-or-string, where charts often quote a number ({@code targetPort: "8080"},
 * {@code maxSurge: "1"}). A quoted whole number there means the same as the number, so the two compare equal;
 * names ({@code http}) and percentages ({@code 25%}) compare as text.
 */
public final class IntOrString {

    /** Documented in docs/engine.md; keep the two in step. */
    public static final Set<String> FIELDS = Set.of("port", "targetPort", "maxSurge", "maxUnavailable", "minAvailable");

    private IntOrString() {}

    public static boolean isIntOrString(String fieldName) {
        return fieldName != null && FIELDS.contains(fieldName);
    }

    /** Whether {@code a} and {@code b} are the same number, one of them possibly quoted. */
    public static boolean sameNumber(JsonNode a, JsonNode b) {
        Integer left = number(a);
        return left != null && left.equals(number(b));
    }

    /** Whether a port key field holds a quoted number, which the cluster keys as the number. */
    static boolean isPortNumberText(String field, JsonNode value) {
        return (field.equals("port") || field.equals("containerPort")) && number(value) != null && value.isTextual();
    }

    private static Integer number(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            return Integer.parseInt(value.asText());
        }
        return null;
    }
}
