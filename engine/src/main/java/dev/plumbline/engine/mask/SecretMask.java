package dev.plumbline.engine.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.plumbline.engine.object.FieldPath;
import dev.plumbline.events.manifest.ObjectIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hides the values of one Secret's diff while keeping visible that they differ. Each distinct value gets a mask of
 * plus signs, the first value seen {@value #FIRST_MASK_LENGTH} long, the next one longer, and so on: equal values get
 * equal masks, different values different masks, and a mask says nothing about the value, not even its length (as
 * Argo CD users know it). Masks are assigned in the order values appear, so the same comparison always gives the same
 * masks, and use one instance per object diff only: a mask means nothing across diffs. Keys stay visible: knowing
 * that {@code data.password} changed is the point of the diff; only values are secret.
 */
public final class SecretMask {

    static final int FIRST_MASK_LENGTH = 8;
    private static final Set<String> SECRET_FIELDS = Set.of("data", "stringData");

    private final Map<String, String> masks = new HashMap<>();

    /** Whether the values of this object's diff must be masked: core-group Secrets. */
    public static boolean appliesTo(ObjectIdentity object) {
        return object.group().isEmpty() && object.kind().equals("Secret");
    }

    /** Whether a field of a Secret holds secret values: anything in or under {@code data} and {@code stringData}. */
    public static boolean isSecretField(FieldPath path) {
        List<FieldPath.Segment> segments = path.segments();
        return !segments.isEmpty()
                && segments.get(0) instanceof FieldPath.Field field
                && SECRET_FIELDS.contains(field.name());
    }

    /**
     * The value with every plain value replaced by its mask; maps keep their keys. Null stays null, so a field that
     * is added or removed still reads as such.
     */
    public JsonNode mask(JsonNode value) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (value.isObject()) {
            ObjectNode masked = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(entry -> masked.set(entry.getKey(), mask(entry.getValue())));
            return masked;
        }
        if (value.isArray()) {
            ArrayNode masked = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> masked.add(mask(element)));
            return masked;
        }
        return TextNode.valueOf(
                masks.computeIfAbsent(value.asText(), text -> "+".repeat(FIRST_MASK_LENGTH + masks.size())));
    }
}
