package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule of a Role or ClusterRole, matched as Kubernetes' RBAC matches it: a resource request needs the verb,
 * the API group, the resource (with its subresource as {@code deployments/scale}; a star for any, a star then
 * {@code /scale} for that subresource of any) and, when the rule lists resourceNames, the name; a non-resource
 * request needs the verb and a nonResourceURL, exact or ending in {@code *} as a prefix.
 */
record PolicyRule(
        List<String> verbs,
        List<String> apiGroups,
        List<String> resources,
        List<String> resourceNames,
        List<String> nonResourceURLs) {

    private static final String ALL = "*";

    PolicyRule {
        verbs = List.copyOf(verbs);
        apiGroups = List.copyOf(apiGroups);
        resources = List.copyOf(resources);
        resourceNames = List.copyOf(resourceNames);
        nonResourceURLs = List.copyOf(nonResourceURLs);
    }

    /** The rules of a Role or ClusterRole object. */
    static List<PolicyRule> of(JsonNode role) {
        List<PolicyRule> rules = new ArrayList<>();
        for (JsonNode rule : role.path("rules")) {
            rules.add(new PolicyRule(
                    strings(rule, "verbs"),
                    strings(rule, "apiGroups"),
                    strings(rule, "resources"),
                    strings(rule, "resourceNames"),
                    strings(rule, "nonResourceURLs")));
        }
        return rules;
    }

    boolean allows(AuthorizationAttributes request) {
        if (!verbMatches(request.verb())) {
            return false;
        }
        if (!request.resourceRequest()) {
            return nonResourceURLMatches(request.path());
        }
        return (apiGroups.contains(ALL) || apiGroups.contains(request.group()))
                && resourceMatches(request.resource(), request.subresource())
                && (resourceNames.isEmpty() || resourceNames.contains(request.name()));
    }

    private boolean verbMatches(String verb) {
        return verbs.contains(ALL) || verbs.contains(verb);
    }

    private boolean resourceMatches(String resource, String subresource) {
        String combined = subresource.isEmpty() ? resource : resource + "/" + subresource;
        for (String ruleResource : resources) {
            if (ruleResource.equals(ALL) || ruleResource.equals(combined)) {
                return true;
            }
            if (!subresource.isEmpty() && ruleResource.equals("*/" + subresource)) {
                return true;
            }
        }
        return false;
    }

    private boolean nonResourceURLMatches(String path) {
        for (String url : nonResourceURLs) {
            if (url.equals(ALL) || url.equals(path)) {
                return true;
            }
            if (url.endsWith("*") && path.startsWith(url.replaceAll("\\*+$", ""))) {
                return true;
            }
        }
        return false;
    }

    /** The rule as a SelfSubjectRulesReview reports it. */
    ObjectNode toResourceRule() {
        ObjectNode rule = KubeJson.MAPPER.createObjectNode();
        rule.set("verbs", KubeJson.MAPPER.valueToTree(verbs));
        putIfAny(rule, "apiGroups", apiGroups);
        putIfAny(rule, "resources", resources);
        putIfAny(rule, "resourceNames", resourceNames);
        return rule;
    }

    ObjectNode toNonResourceRule() {
        ObjectNode rule = KubeJson.MAPPER.createObjectNode();
        rule.set("verbs", KubeJson.MAPPER.valueToTree(verbs));
        putIfAny(rule, "nonResourceURLs", nonResourceURLs);
        return rule;
    }

    private static void putIfAny(ObjectNode rule, String field, List<String> values) {
        if (!values.isEmpty()) {
            rule.set(field, KubeJson.MAPPER.valueToTree(values));
        }
    }

    private static List<String> strings(JsonNode rule, String field) {
        List<String> values = new ArrayList<>();
        rule.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }
}
