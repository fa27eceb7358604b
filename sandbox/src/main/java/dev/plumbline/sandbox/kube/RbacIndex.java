package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored Roles, ClusterRoles, RoleBindings and ClusterRoleBindings, indexed by subject, so that finding the
 * bindings of a user is a few map look-ups (its name and each of its groups) however many bindings there are. It
 * follows the store's changes one object at a time, so that a write to a binding costs no rebuild.
 */
final class RbacIndex {

    static final ResourceType CLUSTER_ROLES = rbac("clusterroles");
    static final ResourceType CLUSTER_ROLE_BINDINGS = rbac("clusterrolebindings");
    private static final String ROLE = MemoryObjectStore.typeKey(rbac("roles"));
    private static final String CLUSTER_ROLE = MemoryObjectStore.typeKey(CLUSTER_ROLES);
    private static final String ROLE_BINDING = MemoryObjectStore.typeKey(rbac("rolebindings"));
    private static final String CLUSTER_ROLE_BINDING = MemoryObjectStore.typeKey(CLUSTER_ROLE_BINDINGS);

    /** A subject of a binding: kind {@code User}, {@code Group} or {@code ServiceAccount}. */
    record Subject(String kind, String name, String namespace) {

        /** As Kubernetes' RBAC decides it; a ServiceAccount without a namespace is in the binding's. */
        boolean appliesTo(UserInfo user, String bindingNamespace) {
            return switch (kind) {
                case "User" -> user.name().equals(name);
                case "Group" -> user.groups().contains(name);
                case "ServiceAccount" -> {
                    String saNamespace = namespace.isEmpty() ? bindingNamespace : namespace;
                    yield !saNamespace.isEmpty() && user.name().equals(UserInfo.serviceAccountUser(saNamespace, name));
                }
                default -> false;
            };
        }

        String describe(String bindingNamespace) {
            if (kind.equals("ServiceAccount")) {
                return kind + " " + GoQuote.of(name + "/" + (namespace.isEmpty() ? bindingNamespace : namespace));
            }
            return kind + " " + GoQuote.of(name);
        }
    }

    /** A RoleBinding (with its namespace) or a ClusterRoleBinding (namespace empty). */
    record Binding(String namespace, String name, String roleKind, String roleName, List<Subject> subjects) {

        Subject firstSubjectFor(UserInfo user) {
            return subjects.stream()
                    .filter(subject -> subject.appliesTo(user, namespace))
                    .findFirst()
                    .orElseThrow();
        }

        /** How Kubernetes names the binding that allowed a request, in the reason it gives. */
        String describe(UserInfo user) {
            String subject = firstSubjectFor(user).describe(namespace);
            String binding = namespace.isEmpty()
                    ? "ClusterRoleBinding " + GoQuote.of(name)
                    : "RoleBinding " + GoQuote.of(name + "/" + namespace);
            return binding + " of " + roleKind + " " + GoQuote.of(roleName) + " to " + subject;
        }
    }

    /** The rules a binding grants, or why they cannot be read (a missing role, an unknown kind). */
    record Grant(List<PolicyRule> rules, String error) {}

    private final Map<String, List<PolicyRule>> roles = new HashMap<>();
    private final Map<String, List<PolicyRule>> clusterRoles = new HashMap<>();
    private final Map<String, List<Binding>> clusterBindingsBySubject = new HashMap<>();
    private final Map<String, Map<String, List<Binding>>> roleBindingsByNamespace = new HashMap<>();

    /** Takes in one stored change: an object of one of the four kinds added, changed or deleted. */
    synchronized void changed(WatchStream.Change change) {
        String kind = change.typeKey();
        if (kind.equals(ROLE) || kind.equals(CLUSTER_ROLE)) {
            Map<String, List<PolicyRule>> rolesOfKind = kind.equals(ROLE) ? roles : clusterRoles;
            if (change.before() != null) {
                rolesOfKind.remove(roleKey(change.before()));
            }
            if (change.after() != null) {
                rolesOfKind.put(roleKey(change.after()), PolicyRule.of(change.after()));
            }
        } else if (kind.equals(ROLE_BINDING) || kind.equals(CLUSTER_ROLE_BINDING)) {
            if (change.before() != null) {
                Binding old = binding(change.before());
                keys(old)
                        .forEach(key -> bySubject(old).computeIfPresent(key, (ignored, bindings) -> {
                            bindings.remove(old);
                            return bindings.isEmpty() ? null : bindings;
                        }));
            }
            if (change.after() != null) {
                Binding binding = binding(change.after());
                keys(binding)
                        .forEach(key -> bySubject(binding)
                                .computeIfAbsent(key, ignored -> new ArrayList<>())
                                .add(binding));
            }
        }
    }

    /** The ClusterRoleBindings that name the user, one of its groups or its ServiceAccount, ordered by name. */
    synchronized List<Binding> clusterBindingsFor(UserInfo user) {
        return bindingsFor(user, clusterBindingsBySubject);
    }

    /** The RoleBindings of the namespace that apply to the user, ordered by name. */
    synchronized List<Binding> roleBindingsFor(UserInfo user, String namespace) {
        return bindingsFor(user, roleBindingsByNamespace.getOrDefault(namespace, Map.of()));
    }

    /**
     * The rules of the role a binding refers to; a RoleBinding's ClusterRole grants its rules within the
     * binding's namespace only, which the caller ensures by asking for RoleBindings of the request's namespace.
     */
    synchronized Grant grant(Binding binding) {
        return switch (binding.roleKind()) {
            case "Role" ->
                found(roles.get(roleKey(binding.namespace(), binding.roleName())), "role", binding.roleName());
            case "ClusterRole" ->
                found(clusterRoles.get(roleKey("", binding.roleName())), "clusterrole", binding.roleName());
            default -> new Grant(List.of(), "unsupported role reference kind: " + GoQuote.of(binding.roleKind()));
        };
    }

    private static Grant found(List<PolicyRule> rules, String resource, String name) {
        if (rules == null) {
            return new Grant(List.of(), resource + ".rbac.authorization.k8s.io " + GoQuote.of(name) + " not found");
        }
        return new Grant(rules, "");
    }

    private static List<Binding> bindingsFor(UserInfo user, Map<String, List<Binding>> bySubject) {
        Set<Binding> found = new LinkedHashSet<>(bySubject.getOrDefault(userKey(user.name()), List.of()));
        for (String group : user.groups()) {
            found.addAll(bySubject.getOrDefault(groupKey(group), List.of()));
        }
        List<Binding> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparing(Binding::name));
        return ordered;
    }

    /** The index keys under which a binding is found: users (ServiceAccounts by their user name) and groups. */
    private static Set<String> keys(Binding binding) {
        Set<String> keys = new LinkedHashSet<>();
        for (Subject subject : binding.subjects()) {
            switch (subject.kind()) {
                case "User" -> keys.add(userKey(subject.name()));
                case "Group" -> keys.add(groupKey(subject.name()));
                case "ServiceAccount" -> {
                    String namespace = subject.namespace().isEmpty() ? binding.namespace() : subject.namespace();
                    if (!namespace.isEmpty()) {
                        keys.add(userKey(UserInfo.serviceAccountUser(namespace, subject.name())));
                    }
                }
                default -> {
                    // other kinds never apply to a user
                }
            }
        }
        return keys;
    }

    private Map<String, List<Binding>> bySubject(Binding binding) {
        return binding.namespace().isEmpty()
                ? clusterBindingsBySubject
                : roleBindingsByNamespace.computeIfAbsent(binding.namespace(), ignored -> new HashMap<>());
    }

    private static String roleKey(JsonNode role) {
        return roleKey(namespaceOf(role), nameOf(role));
    }

    /** Roles by {@code namespace/name}, ClusterRoles by {@code /name}. */
    private static String roleKey(String namespace, String name) {
        return namespace + "/" + name;
    }

    private static Binding binding(JsonNode object) {
        String namespace = namespaceOf(object);
        List<Subject> subjects = new ArrayList<>();
        for (JsonNode subject : object.path("subjects")) {
            subjects.add(new Subject(
                    subject.path("kind").asText(),
                    subject.path("name").asText(),
                    subject.path("namespace").asText()));
        }
        JsonNode roleRef = object.path("roleRef");
        return new Binding(
                namespace,
                nameOf(object),
                roleRef.path("kind").asText(),
                roleRef.path("name").asText(),
                List.copyOf(subjects));
    }

    private static String userKey(String name) {
        return "user:" + name;
    }

    private static String groupKey(String name) {
        return "group:" + name;
    }

    private static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static String namespaceOf(JsonNode object) {
        return object.path("metadata").path("namespace").asText();
    }

    private static ResourceType rbac(String plural) {
        return BuiltInResources.ALL.stream()
                .filter(type -> type.group().equals("rbac.authorization.k8s.io")
                        && type.plural().equals(plural))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(plural + " is not a built-in kind"));
    }
}
