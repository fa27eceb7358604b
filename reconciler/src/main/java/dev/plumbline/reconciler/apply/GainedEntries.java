package dev.plumbline.reconciler.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.diff.FieldChange;
import dev.plumbline.engine.object.FieldPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entries a live object gained that Git does not have (an env var or a ConfigMap key added by hand): server-side
 * apply never removes a field another manager owns, so they are removed with a JSON patch. Each removal is preceded
 * by a {@code test} of the same value, so the patch fails rather than removes the wrong element when the object
 * changed meanwhile.
 */
public final class GainedEntries {

    private GainedEntries() {}

    /**
     * @param changes the object's differences (from {@code ObjectDiffer.changes}); those with no desired value are
     *                gained entries
     * @param live    the live body the changes were computed against
     * @return JSON patch operations; empty when nothing was gained
     */
    public static ArrayNode removals(List<FieldChange> changes, JsonNode live) {
        List<Removal> removals = new ArrayList<>();
        for (FieldChange change : changes) {
            if (change.desired() == null && change.live() != null) {
                pointer(change.path(), live).ifPresent(removals::add);
            }
        }
        // removing list elements by position: later positions first, so earlier ones keep their index
        removals.sort(Comparator.comparing(Removal::pointer, GainedEntries::comparePointers)
                .reversed());
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        for (Removal removal : removals) {
            patch.addObject().put("op", "test").put("path", removal.pointer()).set("value", removal.value());
            patch.addObject().put("op", "remove").put("path", removal.pointer());
        }
        return patch;
    }

    /** Pointers compared segment by segment, positions as numbers, so {@code /a/10} comes after {@code /a/9}. */
    static int comparePointers(String left, String right) {
        String[] a = left.split("/", -1);
        String[] b = right.split("/", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = a[i].matches("\\d+") && b[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]))
                    : a[i].compareTo(b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private record Removal(String pointer, JsonNode value) {}

    /** The RFC 6901 pointer of a path in this live body; empty when the body has no such element. */
    static Optional<Removal> pointer(FieldPath path, JsonNode live) {
        StringBuilder pointer = new StringBuilder();
        JsonNode at = live;
        for (FieldPath.Segment segment : path.segments()) {
            int index = -1;
            if (segment instanceof FieldPath.Field field) {
                at = at.get(field.name());
                pointer.append('/').append(field.name().replace("~", "~0").replace("/", "~1"));
                if (at == null) {
                    return Optional.empty();
                }
                continue;
            }
            if (segment instanceof FieldPath.Index position) {
                index = position.index();
            } else if (segment instanceof FieldPath.Key key) {
                index = find(at, element -> matches(element, key.fields()));
            } else if (segment instanceof FieldPath.Value value) {
                index = find(at, element -> element.equals(value.value()));
            }
            if (index < 0 || index >= at.size()) {
                return Optional.empty();
            }
            at = at.get(index);
            pointer.append('/').append(index);
        }
        return Optional.of(new Removal(pointer.toString(), at));
    }

    private static int find(JsonNode list, java.util.function.Predicate<JsonNode> wanted) {
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            if (wanted.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(JsonNode element, Map<String, JsonNode> key) {
        if (!(element instanceof ObjectNode)) {
            return false;
        }
        for (Map.Entry<String, JsonNode> part : key.entrySet()) {
            JsonNode value = element.get(part.getKey());
            boolean defaultedProtocol = value == null
                    && part.getKey().equals("protocol")
                    && "TCP".equals(part.getValue().asText());
            if (!defaultedProtocol
                    && (value == null || !value.asText().equals(part.getValue().asText()))) {
                return false;
            }
        }
        return true;
    }
}
