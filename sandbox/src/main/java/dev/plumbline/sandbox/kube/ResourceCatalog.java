package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every kind the API serves right now: the built-in ones, and those of the CustomResourceDefinitions stored
 * in it, read afresh on each call so that a CRD is served as soon as it is created and no longer once deleted.
 */
final class ResourceCatalog {

    private final Supplier<List<JsonNode>> storedCrds;

    ResourceCatalog(Supplier<List<JsonNode>> storedCrds) {
        this.storedCrds = storedCrds;
    }

    List<ResourceType> all() {
        List<ResourceType> types = new ArrayList<>(BuiltInResources.ALL);
        storedCrds.get().forEach(crd -> types.addAll(fromCrd(crd)));
        return types;
    }

    Optional<ResourceType> find(String group, String version, String plural) {
        return all().stream()
                .filter(type -> type.group().equals(group)
                        && type.version().equals(version)
                        && type.plural().equals(plural))
                .findFirst();
    }

    /** The {@code openAPIV3Schema} a CustomResourceDefinition declares for the version of a custom kind. */
    Optional<JsonNode> crdSchema(ResourceType type) {
        for (JsonNode crd : storedCrds.get()) {
            JsonNode spec = crd.path("spec");
            if (spec.path("group").asText().equals(type.group())
                    && spec.path("names").path("plural").asText().equals(type.plural())) {
                for (JsonNode version : spec.path("versions")) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema");
                    if (version.path("name").asText().equals(type.version()) && schema.isObject()) {
                        return Optional.of(schema);
                    }
                }
            }
        }
        return Optional.empty();
    }

    static List<ResourceType> fromCrd(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        String plural = names.path("plural").asText();
        String kind = names.path("kind").asText();
        String singular = names.path("singular").asText(kind.toLowerCase());
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(name -> shortNames.add(name.asText()));
        List<String> categories = new ArrayList<>();
        names.path("categories").forEach(category -> categories.add(category.asText()));
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (version.path("served").asBoolean(true)) {
                boolean status = version.path("subresources").has("status");
                JsonNode scale = version.path("subresources").path("scale");
                Optional<ResourceType.ScalePaths> scalePaths = scale.isObject()
                        ? Optional.of(new ResourceType.ScalePaths(
                                scale.path("specReplicasPath").asText(),
                                scale.path("statusReplicasPath").asText(),
                                scale.path("labelSelectorPath").asText()))
                        : Optional.empty();
                types.add(new ResourceType(
                        spec.path("group").asText(),
                        version.path("name").asText(),
                        plural,
                        singular,
                        kind,
                        namespaced,
                        List.copyOf(shortNames),
                        List.copyOf(categories),
                        status,
                        false,
                        scalePaths));
            }
        }
        return types;
    }
}
