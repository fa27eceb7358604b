package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kube-controller-manager's clusterrole-aggregation controller does: after any ClusterRole is created, changed
 * or deleted, each ClusterRole with an {@code aggregationRule} gets as rules those of the ClusterRoles its selectors
 * match, itself excepted: selector by selector, ClusterRoles by name, each rule once. They are written as that
 * controller writes them, a forced server-side apply of {@code rules} alone by field manager
 * {@value #FIELD_MANAGER}, so watches and managedFields show it, and only when they differ from the stored ones.
 * Here it runs before the API answers the request that changed a ClusterRole, so the next request sees the new
 * rules; an aggregate that is aggregated in turn (Kubernetes' {@code view} into {@code edit} into {@code admin})
 * follows in the same step. Like every write, it runs under the dispatcher's lock.
 */
final class ClusterRoleAggregation {

    static final String FIELD_MANAGER = "clusterrole-aggregation-controller";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRoleAggregation.class);
    private static final String CLUSTER_ROLE = MemoryObjectStore.typeKey(RbacIndex.CLUSTER_ROLES);

    private final ObjectStore store;
    private final ObjectWrites writes;
    private boolean clusterRolesChanged;

    ClusterRoleAggregation(ObjectStore store, ObjectWrites writes) {
        this.store = store;
        this.writes = writes;
    }

    /** Takes note of a stored change; only ClusterRoles matter. */
    void changed(WatchStream.Change change) {
        if (change.typeKey().equals(CLUSTER_ROLE)) {
            clusterRolesChanged = true;
        }
    }

    /**
     * Brings every aggregate up to date when a ClusterRole changed since the last call. Each write it makes is a
     * change too, and so starts another round, until a round changes nothing: as many rounds as aggregates
     * nest deep. Aggregates that select one another and never settle are left after as many rounds as there are
     * ClusterRoles, with a warning.
     */
    void reconcile() {
        int rounds = 0;
        while (clusterRolesChanged) {
            clusterRolesChanged = false;
            List<ObjectNode> clusterRoles = store.list(RbacIndex.CLUSTER_ROLES, ObjectFilter.EVERYTHING);
            if (++rounds > clusterRoles.size() + 1) {
                LOG.warn("aggregated ClusterRoles that select one another keep changing each other's rules; "
                        + "their rules are left as they are until a ClusterRole changes again");
                return;
            }
            for (ObjectNode clusterRole : clusterRoles) {
                if (clusterRole.hasNonNull("aggregationRule")) {
                    sync(clusterRole.path("metadata").path("name").asText());
                }
            }
        }
    }

    /**
     * The rules of an aggregate: those of the ClusterRoles each selector matches, in the order given (by name),
     * the aggregate itself left out, each rule once.
     */
    static List<PolicyRule> aggregatedRules(String name, AggregationRule rule, List<? extends JsonNode> byName) {
        Set<PolicyRule> union = new LinkedHashSet<>();
        for (LabelSelector selector : rule.selectors()) {
            for (JsonNode clusterRole : byName) {
                if (!clusterRole.path("metadata").path("name").asText().equals(name) && selector.matches(clusterRole)) {
                    union.addAll(PolicyRule.of(clusterRole));
                }
            }
        }
        return List.copyOf(union);
    }

    /** Recomputes one aggregate from the ClusterRoles as stored now, which earlier writes of the round changed. */
    private void sync(String name) {
        Optional<ObjectNode> aggregate = store.get(RbacIndex.CLUSTER_ROLES, "", name);
        if (aggregate.isEmpty()) {
            return;
        }
        try {
            Optional<AggregationRule> rule = AggregationRule.of(aggregate.get());
            if (rule.isEmpty()) {
                return;
            }
            List<PolicyRule> rules =
                    aggregatedRules(name, rule.get(), store.list(RbacIndex.CLUSTER_ROLES, ObjectFilter.EVERYTHING));
            if (!rules.equals(PolicyRule.of(aggregate.get()))) {
                apply(name, rules);
            }
        } catch (ApiException e) {
            LOG.warn("cannot aggregate the rules of ClusterRole {}: {}", name, e.getMessage());
        }
    }

    private void apply(String name, List<PolicyRule> rules) {
        ObjectNode config = KubeJson.MAPPER
                .createObjectNode()
                .put("apiVersion", RbacIndex.CLUSTER_ROLES.apiVersion())
                .put("kind", RbacIndex.CLUSTER_ROLES.kind());
        config.putObject("metadata").put("name", name);
        if (!rules.isEmpty()) {
            ArrayNode written = config.putArray("rules");
            rules.forEach(rule -> written.add(rule.toJson()));
        }
        writes.patch(
                ApiRequest.internalApply(
                        RbacIndex.CLUSTER_ROLES.objectPath("", name), FIELD_MANAGER, KubeJson.write(config)),
                RbacIndex.CLUSTER_ROLES);
    }
}
