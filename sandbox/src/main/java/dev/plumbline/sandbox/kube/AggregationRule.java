package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code aggregationRule} of a ClusterRole: the label selectors whose ClusterRoles' rules make up its own. It is
 * read, and refused, as kube-apiserver's ClusterRole validation does when the ClusterRole is written: at least one
 * selector, each a valid label selector.
 */
final class AggregationRule {

    private static final String SELECTORS = "aggregationRule.clusterRoleSelectors";

    private final List<LabelSelector> selectors;

    private AggregationRule(List<LabelSelector> selectors) {
        this.selectors = selectors;
    }

    /**
     * The rule of a ClusterRole, empty when it has none ({@code aggregationRule} missing or null). A rule
     * Kubernetes would refuse is a 422 naming each problem; a field of the wrong JSON type a 400.
     */
    static Optional<AggregationRule> of(JsonNode clusterRole) {
        JsonNode rule = clusterRole.path("aggregationRule");
        if (rule.isMissingNode() || rule.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    parse(rule, clusterRole.path("metadata").path("name").asText()));
        } catch (KubeJson.BadRequest e) {
            throw new KubeJson.BadRequest(
                    "ClusterRole in version \"v1\" cannot be handled as a ClusterRole: " + e.getMessage());
        }
    }

    /** The selectors, in the order the ClusterRole lists them. */
    List<LabelSelector> selectors() {
        return selectors;
    }

    private static AggregationRule parse(JsonNode rule, String name) {
        if (!rule.isObject()) {
            throw new KubeJson.BadRequest("aggregationRule must be an object with clusterRoleSelectors");
        }
        JsonNode listed = rule.path("clusterRoleSelectors");
        if (!listed.isMissingNode() && !listed.isNull() && !listed.isArray()) {
            throw new KubeJson.BadRequest(SELECTORS + " must be a list of label selectors");
        }
        List<String> problems = new ArrayList<>();
        if (listed.isEmpty()) {
            problems.add(FieldErrors.required(
                    SELECTORS, "at least one clusterRoleSelector required if aggregationRule is non-nil"));
        }
        List<LabelSelector> selectors = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            String path = SELECTORS + "[" + i + "]";
            int before = problems.size();
            selectors.add(LabelSelector.fromObject(listed.get(i), path, problems));
            if (problems.size() > before) {
                // Kubernetes also reports that the selector could not be turned into one it can match with
                problems.add(FieldErrors.invalid(path, "null", "invalid label selector."));
            }
        }
        if (!problems.isEmpty()) {
            throw FieldErrors.refusal(RbacIndex.CLUSTER_ROLES, name, problems);
        }
        return new AggregationRule(List.copyOf(selectors));
    }
}
