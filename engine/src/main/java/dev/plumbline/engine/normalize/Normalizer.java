package dev.plumbline.engine.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a desired or live body comparable: a copy with server-set fields stripped and Secret stringData folded into
 * data. The remaining noise rules (defaults, quantities, int-or-string, empty values, keyed list order) need both
 * sides at once and are applied while comparing, by {@link ValueSemantics} and {@link ListMergeKeys}.
 */
public final class Normalizer {

    private Normalizer() {}

    /**
     * @param body a desired or live object; left untouched
     * @return a normalized copy
     */
    public static ObjectNode normalize(JsonNode body) {
        ObjectNode copy = (ObjectNode) body.deepCopy();
        // fold before stripping: folding recognises a Secret by its apiVersion, which stripping removes
        SecretStringData.fold(copy);
        ServerFieldStripper.strip(copy);
        return copy;
    }
}
