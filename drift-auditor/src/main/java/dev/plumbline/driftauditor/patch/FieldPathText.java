package dev.plumbline.driftauditor.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a field path as the engine writes it ({@code spec.template.spec.containers[name=web].image},
 * {@code metadata.annotations["example.com/x"]}, {@code args[0]}, {@code finalizers[value=x]}) and sets or removes
 * the value it names in an object, to write a live value back into a desired one.
 */
final class FieldPathText {

    private sealed interface Step permits Field, Match, Position {}

    private record Field(String name) implements Step {}

    /** A list element whose fields have these values ({@code value} matches a plain element itself). */
    private record Match(Map<String, String> fields) implements Step {}

    private record Position(int index) implements Step {}

    private FieldPathText() {}

    /**
     * Sets the value at the path, creating maps on the way; a null value removes the field or element.
     *
     * @return false when the path leads nowhere in this object (a list element that is not there to change)
     */
    static boolean set(ObjectNode root, String path, JsonNode value) {
        List<Step> steps = parse(path);
        JsonNode at = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            JsonNode next = child(at, steps.get(i));
            if (next == null || next.isNull()) {
                if (!(at instanceof ObjectNode object) || !(steps.get(i) instanceof Field field)) {
                    return false;
                }
                next = steps.get(i + 1) instanceof Field
                        ? object.putObject(field.name())
                        : object.putArray(field.name());
            }
            at = next;
        }
        Step last = steps.get(steps.size() - 1);
        if (last instanceof Field field && at instanceof ObjectNode object) {
            if (value == null) {
                object.remove(field.name());
            } else {
                object.set(field.name(), value.deepCopy());
            }
            return true;
        }
        if (at instanceof ArrayNode list) {
            int index = indexIn(list, last);
            if (value == null) {
                if (index >= 0) {
                    list.remove(index);
                }
            } else if (index >= 0) {
                list.set(index, value.deepCopy());
            } else {
                list.add(value.deepCopy());
            }
            return true;
        }
        return false;
    }

    private static JsonNode child(JsonNode at, Step step) {
        if (step instanceof Field field) {
            return at.get(field.name());
        }
        if (at instanceof ArrayNode list) {
            int index = indexIn(list, step);
            return index < 0 ? null : list.get(index);
        }
        return null;
    }

    private static int indexIn(ArrayNode list, Step step) {
        if (step instanceof Position position) {
            return position.index() < list.size() ? position.index() : -1;
        }
        Match match = (Match) step;
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            boolean matches = match.fields().entrySet().stream()
                    .allMatch(entry -> entry.getKey().equals("value")
                            ? element.asText().equals(entry.getValue())
                            : element.path(entry.getKey()).asText().equals(entry.getValue()));
            if (matches) {
                return i;
            }
        }
        return -1;
    }

    static List<Step> parse(String path) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
                StringBuilder name = new StringBuilder();
                int j = i + 2;
                while (j < path.length() && path.charAt(j) != '"') {
                    if (path.charAt(j) == '\\' && j + 1 < path.length()) {
                        j++;
                    }
                    name.append(path.charAt(j++));
                }
                steps.add(new Field(name.toString()));
                i = path.indexOf(']', j) + 1;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                String inside = path.substring(i + 1, end);
                if (inside.chars().allMatch(Character::isDigit)) {
                    steps.add(new Position(Integer.parseInt(inside)));
                } else {
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (String part : inside.split(",")) {
                        int eq = part.indexOf('=');
                        fields.put(part.substring(0, eq), part.substring(eq + 1));
                    }
                    steps.add(new Match(fields));
                }
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(new Field(path.substring(i, end)));
                i = end;
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("empty field path");
        }
        return steps;
    }
}
