package dev.plumbline.imageupdater.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the image-updater reads from manifests and image indexes (OCI and Docker v2 media types). */
final class ImageManifests {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String ACCEPT = String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

    private ImageManifests() {}

    /** The media type the document says, else the one the registry served it as. */
    static String mediaType(JsonNode document, String contentType) {
        String declared = RegistryJson.text(document, "mediaType");
        if (declared != null && !declared.isBlank()) {
            return declared;
        }
        if (contentType != null && !contentType.isBlank()) {
            return contentType.split(";", 2)[0].strip();
        }
        return document.has("manifests") ? OCI_INDEX : OCI_MANIFEST;
    }

    static boolean isIndex(String mediaType) {
        return mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_LIST);
    }

    static boolean isManifest(String mediaType) {
        return mediaType.equals(OCI_MANIFEST) || mediaType.equals(DOCKER_MANIFEST);
    }

    /** The linux/amd64 entry of an index, else its first; empty when it lists none. */
    static Optional<String> platformDigest(JsonNode index) {
        JsonNode first = null;
        for (JsonNode entry : index.path("manifests")) {
            if (RegistryJson.text(entry, "digest") == null) {
                continue;
            }
            if (first == null) {
                first = entry;
            }
            JsonNode platform = entry.path("platform");
            if ("linux".equals(RegistryJson.text(platform, "os"))
                    && "amd64".equals(RegistryJson.text(platform, "architecture"))) {
                return Optional.of(RegistryJson.text(entry, "digest"));
            }
        }
        return Optional.ofNullable(first).map(entry -> RegistryJson.text(entry, "digest"));
    }

    /** The config blob's digest of an image manifest, or null when it has none. */
    static String configDigest(JsonNode manifest) {
        return RegistryJson.text(manifest.path("config"), "digest");
    }

    /** Text annotations of a manifest or index; later calls' values win over earlier ones when merged by the caller. */
    static Map<String, String> annotations(JsonNode document) {
        return textMap(document.path("annotations"));
    }

    /** {@code config.Labels} of an image config (Docker and OCI write the same field). */
    static Map<String, String> labels(JsonNode config) {
        return textMap(config.path("config").path("Labels"));
    }

    private static Map<String, String> textMap(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                values.put(field.getKey(), field.getValue().asText());
            }
        });
        return values;
    }
}
