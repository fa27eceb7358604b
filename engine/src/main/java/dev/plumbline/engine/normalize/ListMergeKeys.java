package dev.plumbline.engine.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which lists are keyed, and by what: the merge keys Kubernetes declares for these lists (strategic merge patch and
 * server-side apply use the same ones), chosen by the list's field name. Any list not named here is atomic. The
 * table is documented in docs/engine.md; keep the two in step.
 */
public final class ListMergeKeys {

    /** Defaulted by the API server when absent, so a key without it still names the same element. */
    private static final TextNode DEFAULT_PROTOCOL = TextNode.valueOf("TCP");

    private static final Map<String, ListRule> BY_FIELD = Map.ofEntries(
            Map.entry("containers", ListRule.keyed("name")),
            Map.entry("initContainers", ListRule.keyed("name")),
            Map.entry("ephemeralContainers", ListRule.keyed("name")),
            Map.entry("env", ListRule.keyed("name")),
            Map.entry("volumes", ListRule.keyed("name")),
            Map.entry("volumeMounts", ListRule.keyed("mountPath")),
            Map.entry("volumeDevices", ListRule.keyed("devicePath")),
            Map.entry("imagePullSecrets", ListRule.keyed("name")),
            Map.entry("hostAliases", ListRule.keyed("ip")),
            Map.entry("topologySpreadConstraints", ListRule.keyed("topologyKey", "whenUnsatisfiable")),
            Map.entry("readinessGates", ListRule.keyed("conditionType")),
            Map.entry("schedulingGates", ListRule.keyed("name")),
            Map.entry("resourceClaims", ListRule.keyed("name")),
            Map.entry("finalizers", ListRule.CONTAINS));

    private static final ListRule CONTAINER_PORTS = ListRule.keyed("containerPort", "protocol");
    private static final ListRule SERVICE_PORTS = ListRule.keyed("port", "protocol");

    private ListMergeKeys() {}

    /**
     * The rule for the list in field {@code fieldName}. {@code ports} is keyed by {@code containerPort} in a
     * container and by {@code port} in a Service; the elements say which.
     *
     * @param desired the desired list, or null
     * @param live    the live list, or null
     */
    public static ListRule ruleFor(String fieldName, JsonNode desired, JsonNode live) {
        if ("ports".equals(fieldName)) {
            return hasField(desired, "containerPort") || hasField(live, "containerPort")
                    ? CONTAINER_PORTS
                    : hasField(desired, "port") || hasField(live, "port") ? SERVICE_PORTS : ListRule.ATOMIC;
        }
        return fieldName == null ? ListRule.ATOMIC : BY_FIELD.getOrDefault(fieldName, ListRule.ATOMIC);
    }

    /** Whether a list in this field is keyed, so that entries it gains live are drift even when Git omits it. */
    public static boolean isKeyed(String fieldName) {
        return "ports".equals(fieldName)
                || BY_FIELD.getOrDefault(fieldName, ListRule.ATOMIC).mode() == ListRule.Mode.KEYED;
    }

    /**
     * The merge key of one element, defaults filled in; null when the element lacks a key field, in which case the
     * list cannot be matched by key and is compared as atomic.
     */
    public static Map<String, JsonNode> keyOf(ListRule rule, JsonNode element) {
        if (!element.isObject()) {
            return null;
        }
        Map<String, JsonNode> key = new LinkedHashMap<>();
        for (String field : rule.keyFields()) {
            JsonNode value = element.get(field);
            if (value == null || value.isNull()) {
                if (!field.equals("protocol")) {
                    return null;
                }
                value = DEFAULT_PROTOCOL;
            }
            // 80 and "80" name the same port; numbers are kept as numbers so keys match managedFields' k: entries
            key.put(
                    field,
                    IntOrString.isPortNumberText(field, value)
                            ? IntNode.valueOf(Integer.parseInt(value.asText()))
                            : value);
        }
        return key;
    }

    private static boolean hasField(JsonNode list, String field) {
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode element : list) {
            if (element.has(field)) {
                return true;
            }
        }
        return false;
    }
}
