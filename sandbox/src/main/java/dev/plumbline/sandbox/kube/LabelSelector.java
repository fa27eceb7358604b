package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A {@code labelSelector} query parameter with Kubernetes' syntax: requirements separated by commas, all of which
 * must hold: {@code key=value} (or {@code ==}), {@code key!=value}, {@code key in (a,b)}, {@code key notin (a,b)},
 * {@code key} (exists) and {@code !key} (does not exist). As in Kubernetes, {@code !=} and {@code notin} also
 * match objects without the label. The same requirements also come as an object ({@link #fromObject}), as in a
 * ClusterRole's {@code aggregationRule}.
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

    /**
     * A {@code metav1.LabelSelector} object: {@code matchLabels} and {@code matchExpressions} (operators {@code In},
     * {@code NotIn}, {@code Exists}, {@code DoesNotExist}), all of which must hold; an empty one selects everything.
     * What Kubernetes' validation refuses is added to {@code problems} in its words, under {@code path}; a field of
     * the wrong JSON type is refused at once with 400.
     */
    static LabelSelector fromObject(JsonNode selector, String path, List<String> problems) {
        if (!present(selector)) {
            return EVERYTHING;
        }
        requireType(selector.isObject(), path, "an object");
        List<Predicate<JsonNode>> requirements = new ArrayList<>();
        JsonNode matchLabels = selector.path("matchLabels");
        if (present(matchLabels)) {
            requireType(matchLabels.isObject(), path + ".matchLabels", "an object of label keys and values");
            for (Map.Entry<String, JsonNode> label : matchLabels.properties()) {
                String key = label.getKey();
                String value = text(label.getValue(), path + ".matchLabels." + key);
                LabelSyntax.keyProblems(key)
                        .forEach(why -> problems.add(FieldErrors.invalid(path + ".matchLabels", key, why)));
                LabelSyntax.valueProblems(value)
                        .forEach(why -> problems.add(FieldErrors.invalid(path + ".matchLabels", value, why)));
                requirements.add(
                        labels -> labels.has(key) && labels.get(key).asText().equals(value));
            }
        }
        JsonNode expressions = selector.path("matchExpressions");
        if (present(expressions)) {
            requireType(expressions.isArray(), path + ".matchExpressions", "a list");
            for (int i = 0; i < expressions.size(); i++) {
                String at = path + ".matchExpressions[" + i + "]";
                requirements.add(expression(expressions.get(i), at, problems));
            }
        }
        return new LabelSelector(List.copyOf(requirements));
    }

    /** One of {@code matchExpressions}; an unknown operator, refused by validation, matches nothing. */
    private static Predicate<JsonNode> expression(JsonNode expression, String at, List<String> problems) {
        requireType(expression.isObject(), at, "an object with key, operator and values");
        String key = text(expression.path("key"), at + ".key");
        String operator = text(expression.path("operator"), at + ".operator");
        List<String> values = new ArrayList<>();
        JsonNode valueList = expression.path("values");
        if (present(valueList)) {
            requireType(valueList.isArray(), at + ".values", "a list of strings");
            for (int j = 0; j < valueList.size(); j++) {
                values.add(text(valueList.get(j), at + ".values[" + j + "]"));
            }
        }
        Set<String> valueSet = new HashSet<>(values);
        Predicate<JsonNode> requirement = labels -> false;
        switch (operator) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    problems.add(FieldErrors.required(
                            at + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
                }
                requirement = operator.equals("In")
                        ? labels -> labels.has(key)
                                && valueSet.contains(labels.get(key).asText())
                        : labels -> !labels.has(key)
                                || !valueSet.contains(labels.get(key).asText());
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    problems.add(FieldErrors.forbidden(
                            at + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                }
                requirement = operator.equals("Exists") ? labels -> labels.has(key) : labels -> !labels.has(key);
            }
            default -> problems.add(FieldErrors.invalid(at + ".operator", operator, "not a valid selector operator"));
        }
        LabelSyntax.keyProblems(key).forEach(why -> problems.add(FieldErrors.invalid(at + ".key", key, why)));
        for (int j = 0; j < values.size(); j++) {
            String value = values.get(j);
            String valuePath = at + ".values[" + j + "]";
            LabelSyntax.valueProblems(value).forEach(why -> problems.add(FieldErrors.invalid(valuePath, value, why)));
        }
        return requirement;
    }

    /** A string field; missing or null is empty, as Go decodes it. */
    private static String text(JsonNode value, String path) {
        if (!present(value)) {
            return "";
        }
        if (!value.isTextual()) {
            String hint = value.isValueNode() ? ": quote it, as \"" + value.asText() + "\"" : "";
            throw new KubeJson.BadRequest(path + " must be a string, not " + value + hint);
        }
        return value.asText();
    }

    /** Whether a field is given: neither missing nor null, which Go decodes alike. */
    private static boolean present(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }

    private static void requireType(boolean ok, String path, String expected) {
        if (!ok) {
            throw new KubeJson.BadRequest(path + " must be " + expected);
        }
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
