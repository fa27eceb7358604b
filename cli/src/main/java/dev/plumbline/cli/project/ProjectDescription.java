package dev.plumbline.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Project allows, in words: the lines {@code plumb project get} prints. What the Project does not list is
 * refused, so an empty list reads "none" and says what that refuses.
 */
final class ProjectDescription {

    private ProjectDescription() {}

    /** The repository globs, comma separated; {@code none} when there are none. */
    static String sources(JsonNode spec) {
        List<String> repos = texts(spec.path("sourceRepos"));
        return repos.isEmpty() ? "none" : String.join(", ", repos);
    }

    /** The namespace globs, comma separated; {@code none} when there are none. */
    static String destinationNamespaces(JsonNode spec) {
        List<String> namespaces = new ArrayList<>();
        spec.path("destinations")
                .forEach(destination ->
                        namespaces.add(destination.path("namespace").asText()));
        return namespaces.isEmpty() ? "none" : String.join(", ", namespaces);
    }

    /** One line per destination: the namespace glob and the identity the reconciler acts as there. */
    static List<String> destinations(JsonNode spec) {
        List<String> lines = new ArrayList<>();
        String projectAccount = spec.path("serviceAccount").asText("");
        spec.path("destinations").forEach(destination -> {
            String account = destination.path("serviceAccount").asText("");
            String identity = !account.isBlank()
                    ? "as ServiceAccount " + serviceAccount(account)
                    : !projectAccount.isBlank()
                            ? "as the project's ServiceAccount " + serviceAccount(projectAccount)
                            : "as the reconciler's own ServiceAccount";
            lines.add("namespace " + destination.path("namespace").asText() + ", " + identity);
        });
        return lines.isEmpty() ? List.of("none: the project's Applications may deploy nowhere") : lines;
    }

    /** The cluster-scoped kinds allowed; none allowed reads so. */
    static String clusterKinds(JsonNode spec) {
        List<String> kinds = kinds(spec.path("clusterResources"));
        return kinds.isEmpty()
                ? "none (Namespaces named by a destination aside)"
                : String.join(", ", kinds) + " (and Namespaces named by a destination)";
    }

    /** The namespaced kinds: every one, those allowed, and those denied even so. */
    static String namespacedKinds(JsonNode spec) {
        List<String> allowed = kinds(spec.path("namespaceResources").path("allow"));
        List<String> denied = kinds(spec.path("namespaceResources").path("deny"));
        String allowedText = allowed.isEmpty() ? "every kind" : "only " + String.join(", ", allowed);
        return denied.isEmpty() ? allowedText : allowedText + ", except " + String.join(", ", denied);
    }

    /** One line per signature key, or that commits need none. */
    static List<String> signatureKeys(JsonNode spec) {
        List<String> keys = texts(spec.path("signatureKeys"));
        if (keys.isEmpty()) {
            return List.of("not required: any commit is deployed");
        }
        List<String> lines = new ArrayList<>();
        lines.add("required: a commit is deployed only when one of these " + keys.size() + " key(s) signed it");
        keys.forEach(key -> lines.add(SignatureKeys.describe(key)));
        return lines;
    }

    /** {@code ns:name} as it is; a bare name runs in each destination namespace. */
    private static String serviceAccount(String account) {
        return account.contains(":") ? account : account + " (in the destination namespace)";
    }

    /** Kinds as kubectl names them: {@code DaemonSet.apps}, {@code ConfigMap}, {@code *.*} for any kind of any group. */
    private static List<String> kinds(JsonNode patterns) {
        List<String> kinds = new ArrayList<>();
        patterns.forEach(pattern -> {
            String group = pattern.path("group").asText("");
            String kind = pattern.path("kind").asText("*");
            kinds.add(group.isEmpty() ? kind : kind + "." + group);
        });
        return kinds;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
