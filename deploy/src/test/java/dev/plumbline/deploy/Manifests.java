package dev.plumbline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/** Rendered objects, each as its YAML tree, looked up by kind and name. */
record Manifests(List<JsonNode> objects) {

    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = JsonMapper.builder().build();

    static Manifests parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(List.copyOf(objects));
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText()));
    }

    /** The object of that kind whose name is {@code name}, or whose generated name starts with {@code name-}. */
    JsonNode named(String kind, String name) {
        return ofKind(kind)
                .filter(object -> {
                    String actual = object.path("metadata").path("name").asText();
                    return actual.equals(name) || (kind.equals("ConfigMap") && actual.startsWith(name + "-"));
                })
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind + " named " + name));
    }

    /** The object of that kind and name, parsed as its fabric8 type. */
    <T extends HasMetadata> T typed(String kind, String name, Class<T> type) {
        return KubernetesTypes.parse(named(kind, name), type);
    }

    <T extends HasMetadata> List<T> typed(String kind, Class<T> type) {
        return ofKind(kind).map(object -> KubernetesTypes.parse(object, type)).toList();
    }

    static String describe(JsonNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        return object.path("kind").asText() + " " + (namespace.isEmpty() ? "" : namespace + "/")
                + object.path("metadata").path("name").asText();
    }
}
