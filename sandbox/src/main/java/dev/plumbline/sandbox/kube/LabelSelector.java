package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A {@code labelSelector} query parameter with Kubernetes' syntax: requirements separated by commas, all of which
 * must hold: {@code key=value} (or {@code ==}), {@code key!=value}, {@code key in (a,b)}, {@code key notin (a,b)},
 * {@code key} (exists) and {@code !key} (does not exist). As in Kubernetes, {@code !=} and {@code notin} also
 * match objects without the label.
 */
final class LabelSelector {

    static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Predicate<JsonNode>> requirements;

    private LabelSelector(List<Predicate<JsonNode>> requirements) {
        this.requirements = requirements;
    }

    static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Predicate<JsonNode>> requirements = new ArrayList<>();
        for (String requirement : splitOutsideParentheses(text)) {
            requirements.add(requirement(requirement.strip(), text));
        }
        return new LabelSelector(List.copyOf(requirements));
    }

    /** Whether an object's {@code metadata.labels} satisfy every requirement. */
    boolean matches(JsonNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        for (Predicate<JsonNode> requirement : requirements) {
            if (!requirement.test(labels)) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<JsonNode> requirement(String requirement, String selector) {
        if (requirement.isEmpty()) {
            throw invalid(selector, "an empty requirement");
        }
        String[] words = requirement.split("\\s+", 3);
        if (words.length == 3 && (words[1].equals("in") || words[1].equals("notin"))) {
            String key = key(words[0], selector);
            Set<String> values = valueSet(words[2], selector);
            return words[1].equals("in")
                    ? labels ->
                            labels.has(key) && values.contains(labels.get(key).asText())
                    : labels ->
                            !labels.has(key) || !values.contains(labels.get(key).asText());
        }
        int notEquals = requirement.indexOf("!=");
        if (notEquals > 0) {
            String key = key(requirement.substring(0, notEquals), selector);
            String value = requirement.substring(notEquals + 2).strip();
            return labels -> !labels.has(key) || !labels.get(key).asText().equals(value);
        }
        int equals = requirement.indexOf('=');
        if (equals > 0) {
            String key = key(requirement.substring(0, equals), selector);
            String rest = requirement.substring(equals + 1);
            String value = (rest.startsWith("=") ? rest.substring(1) : rest).strip();
            return labels -> labels.has(key) && labels.get(key).asText().equals(value);
        }
        if (requirement.startsWith("!")) {
            String key = key(requirement.substring(1), selector);
            return labels -> !labels.has(key);
        }
        String key = key(requirement, selector);
        return labels -> labels.has(key);
    }

    private static String key(String text, String selector) {
        String key = text.strip();
        if (key.isEmpty() || !key.matches("[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?")) {
            throw invalid(selector, "the label key \"" + key + "\" is not valid");
        }
        return key;
    }

    private static Set<String> valueSet(String text, String selector) {
        String set = text.strip();
        if (!set.startsWith("(") || !set.endsWith(")")) {
            throw invalid(selector, "the values of in and notin must be in parentheses, such as (a,b)");
        }
        return Arrays.stream(set.substring(1, set.length() - 1).split(","))
                .map(String::strip)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> splitOutsideParentheses(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static ApiException invalid(String selector, String problem) {
        return new KubeJson.BadRequest("unable to parse the label selector \"" + selector + "\": " + problem);
    }
}
