package dev.plumbline.sandbox.kube;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides requests as kube-apiserver's authorizers do with {@code --authorization-mode=RBAC}: members of
 * {@value UserInfo#MASTERS} are allowed everything without looking further; anyone else is allowed what a rule of
 * a role bound to them grants: ClusterRoleBindings everywhere, RoleBindings (to a Role or a ClusterRole) in their
 * namespace. The first rule that allows names its binding in the reason; roles that cannot be found are reported
 * in the reason of a denial ({@code RBAC: role.rbac.authorization.k8s.io "x" not found}).
 */
final class RbacAuthorizer {

    /** An answer: allowed or not, and why, in Kubernetes' words (empty for a plain denial). */
    record Decision(boolean allowed, String reason) {}

    /** What a user may do in a namespace, as a SelfSubjectRulesReview reports it. */
    record Rules(List<PolicyRule> rules, String evaluationError) {}

    private static final PolicyRule EVERYTHING =
            new PolicyRule(List.of("*"), List.of("*"), List.of("*"), List.of(), List.of());
    private static final PolicyRule EVERY_PATH =
            new PolicyRule(List.of("*"), List.of(), List.of(), List.of(), List.of("*"));

    private final RbacIndex index;

    RbacAuthorizer(RbacIndex index) {
        this.index = index;
    }

    Decision authorize(AuthorizationAttributes request) {
        UserInfo user = request.user();
        if (user.privileged()) {
            return new Decision(true, "");
        }
        List<String> errors = new ArrayList<>();
        List<RbacIndex.Binding> bindings = new ArrayList<>(index.clusterBindingsFor(user));
        if (!request.namespace().isEmpty()) {
            bindings.addAll(index.roleBindingsFor(user, request.namespace()));
        }
        for (RbacIndex.Binding binding : bindings) {
            RbacIndex.Grant grant = index.grant(binding);
            if (!grant.error().isEmpty()) {
                errors.add(grant.error());
            }
            for (PolicyRule rule : grant.rules()) {
                if (rule.allows(request)) {
                    return new Decision(true, "RBAC: allowed by " + binding.describe(user));
                }
            }
        }
        return new Decision(false, errors.isEmpty() ? "" : "RBAC: " + aggregate(errors));
    }

    /** Every rule that applies to the user in the namespace, as Kubernetes lists them for a rules review. */
    Rules rulesFor(UserInfo user, String namespace) {
        List<PolicyRule> rules = new ArrayList<>();
        if (user.privileged()) {
            rules.add(EVERYTHING);
            rules.add(EVERY_PATH);
        }
        List<RbacIndex.Binding> bindings = new ArrayList<>(index.clusterBindingsFor(user));
        bindings.addAll(index.roleBindingsFor(user, namespace));
        List<String> errors = new ArrayList<>();
        for (RbacIndex.Binding binding : bindings) {
            RbacIndex.Grant grant = index.grant(binding);
            rules.addAll(grant.rules());
            if (!grant.error().isEmpty()) {
                errors.add(grant.error());
            }
        }
        return new Rules(rules, aggregate(errors));
    }

    /** Several errors as Go's aggregate error prints them: one alone, or distinct ones in brackets. */
    private static String aggregate(List<String> errors) {
        Set<String> distinct = new LinkedHashSet<>(errors);
        if (distinct.size() <= 1) {
            return String.join("", distinct);
        }
        return "[" + String.join(", ", distinct) + "]";
    }
}
