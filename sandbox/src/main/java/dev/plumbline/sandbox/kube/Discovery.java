package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents kubectl and client libraries read before anything else, in the legacy
 * (unaggregated) format. kubectl asks for aggregated discovery first; because these answers are plain
 * {@code application/json}, it falls back to reading the per-version resource lists.
 */
final class Discovery {

    static final String KUBERNETES_VERSION = "v1.32.0";

    private final ResourceCatalog catalog;

    Discovery(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The document at the path, or empty when the path is not a discovery path. */
    Optional<JsonNode> document(String path, String serverAddress) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        if (path.equals("/version") || path.equals("/version/")) {
            return Optional.of(version());
        }
        if (parts.length == 1 && parts[0].equals("api")) {
            return Optional.of(coreVersions(serverAddress));
        }
        if (parts.length == 2 && parts[0].equals("api")) {
            return resources("", parts[1]);
        }
        if (parts.length == 1 && parts[0].equals("apis")) {
            return Optional.of(groupList());
        }
        if (parts.length == 2 && parts[0].equals("apis")) {
            return Optional.ofNullable(groups().get(parts[1])).map(this::group);
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            return resources(parts[1], parts[2]);
        }
        return Optional.empty();
    }

    private static JsonNode version() {
        return KubeJson.MAPPER
                .createObjectNode()
                .put("major", "1")
                .put("minor", "32")
                .put("gitVersion", KUBERNETES_VERSION + "-plumbline-sandbox")
                .put("gitCommit", "")
                .put("gitTreeState", "clean")
                .put("buildDate", "2025-01-01T00:00:00Z")
                .put("goVersion", "go1.23")
                .put("compiler", "gc")
                .put("platform", System.getProperty("os.name").toLowerCase() + "/amd64");
    }

    private static JsonNode coreVersions(String serverAddress) {
        ObjectNode versions = KubeJson.MAPPER.createObjectNode().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs")
                .addObject()
                .put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return versions;
    }

    private JsonNode groupList() {
        ObjectNode list =
                KubeJson.MAPPER.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        groups().values().forEach(group -> groups.add(group(group)));
        return list;
    }

    /** Named groups with their group/versions, in the order their kinds are listed. */
    private Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ResourceType type : catalog.all()) {
            if (!type.group().isEmpty()) {
                List<String> versions = groups.computeIfAbsent(type.group(), group -> new ArrayList<>());
                if (!versions.contains(type.apiVersion())) {
                    versions.add(type.apiVersion());
                }
            }
        }
        AccessReviews.REVIEWS.forEach(
                review -> groups.putIfAbsent(review.group(), List.of(review.group() + "/" + AccessReviews.VERSION)));
        return groups;
    }

    private ObjectNode group(List<String> groupVersions) {
        String name = groupVersions.get(0).substring(0, groupVersions.get(0).indexOf('/'));
        ObjectNode group = KubeJson.MAPPER
                .createObjectNode()
                .put("kind", "APIGroup")
                .put("apiVersion", "v1")
                .put("name", name);
        ArrayNode versions = group.putArray("versions");
        groupVersions.forEach(groupVersion -> versions.addObject()
                .put("groupVersion", groupVersion)
                .put("version", groupVersion.substring(name.length() + 1)));
        group.set("preferredVersion", versions.get(0).deepCopy());
        return group;
    }

    private Optional<JsonNode> resources(String group, String version) {
        if (AccessReviews.serves(group, version)) {
            return Optional.of(reviews(group));
        }
        List<ResourceType> types = catalog.all().stream()
                .filter(type -> type.group().equals(group) && type.version().equals(version))
                .toList();
        if (types.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode list = KubeJson.MAPPER
                .createObjectNode()
                .put("kind", "APIResourceList")
                .put("apiVersion", "v1")
                .put("groupVersion", types.get(0).apiVersion());
        ArrayNode resources = list.putArray("resources");
        for (ResourceType type : types) {
            ObjectNode resource = resources
                    .addObject()
                    .put("name", type.plural())
                    .put("singularName", type.singular())
                    .put("namespaced", type.namespaced())
                    .put("kind", type.kind());
            ArrayNode verbs = resource.putArray("verbs");
            ResourceType.VERBS.forEach(verbs::add);
            if (!type.shortNames().isEmpty()) {
                ArrayNode shortNames = resource.putArray("shortNames");
                type.shortNames().forEach(shortNames::add);
            }
            if (!type.categories().isEmpty()) {
                ArrayNode categories = resource.putArray("categories");
                type.categories().forEach(categories::add);
            }
            if (type.statusSubresource()) {
                ObjectNode status = resources
                        .addObject()
                        .put("name", type.plural() + "/status")
                        .put("singularName", "")
                        .put("namespaced", type.namespaced())
                        .put("kind", type.kind());
                status.putArray("verbs").add("get").add("patch").add("update");
            }
            if (type.scale().isPresent()) {
                ObjectNode scale = resources
                        .addObject()
                        .put("name", type.plural() + "/scale")
                        .put("singularName", "")
                        .put("namespaced", type.namespaced())
                        .put("group", "autoscaling")
                        .put("version", "v1")
                        .put("kind", "Scale");
                scale.putArray("verbs").add("get").add("patch").add("update");
            }
        }
        return Optional.of(list);
    }

    /** The access reviews of the group, which can only be created. */
    private static JsonNode reviews(String group) {
        ObjectNode list = KubeJson.MAPPER
                .createObjectNode()
                .put("kind", "APIResourceList")
                .put("apiVersion", "v1")
                .put("groupVersion", group + "/" + AccessReviews.VERSION);
        ArrayNode resources = list.putArray("resources");
        for (AccessReviews.Review review : AccessReviews.REVIEWS) {
            if (!review.group().equals(group)) {
                continue;
            }
            ObjectNode resource = resources
                    .addObject()
                    .put("name", review.plural())
                    .put("singularName", review.kind().toLowerCase(Locale.ROOT))
                    .put("namespaced", review.namespaced())
                    .put("kind", review.kind());
            resource.putArray("verbs").add("create");
        }
        return list;
    }
}
