package dev.plumbline.renderer.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plumbline.events.application.KustomizeOptions;
import dev.plumbline.renderer.render.RendererChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Application's Kustomize options (name prefix and suffix, images, common labels and annotations), applied
 * as Argo CD applies them but without editing the repository's files: a kustomization of our own, in a folder of
 * its own inside the extracted tree, that takes the Application's folder as its only resource.
 */
public final class KustomizeOverlay {

    private static final YAMLMapper YAML = new YAMLMapper();

    private KustomizeOverlay() {}

    public static boolean needed(KustomizeOptions options) {
        return options != null
                && (options.namePrefix() != null
                        || options.nameSuffix() != null
                        || !options.images().isEmpty()
                        || !options.commonLabels().isEmpty()
                        || !options.commonAnnotations().isEmpty());
    }

    /**
     * Writes the overlay into {@code overlayFolder} (inside the tree, so that the Application's folder is a relative
     * resource of it) and returns that folder.
     */
    public static Path write(KustomizeOptions options, Path appDir, Path overlayFolder) {
        Map<String, String> renamed = renamedImages(appDir);
        ObjectNode kustomization = YAML.createObjectNode()
                .put("apiVersion", "kustomize.config.k8s.io/v1beta1")
                .put("kind", "Kustomization");
        kustomization.putArray("resources").add(overlayFolder.relativize(appDir).toString());
        if (options.namePrefix() != null) {
            kustomization.put("namePrefix", options.namePrefix());
        }
        if (options.nameSuffix() != null) {
            kustomization.put("nameSuffix", options.nameSuffix());
        }
        if (!options.images().isEmpty()) {
            ArrayNode images = kustomization.putArray("images");
            options.images().forEach(image -> images.add(YAML.valueToTree(image(image, renamed))));
        }
        if (!options.commonLabels().isEmpty()) {
            // as `kustomize edit add label` (Argo CD's commonLabels): selectors and templates too
            ObjectNode labels = kustomization.putArray("labels").addObject();
            labels.set("pairs", YAML.valueToTree(new TreeMap<>(options.commonLabels())));
            labels.put("includeSelectors", true).put("includeTemplates", true);
        }
        if (!options.commonAnnotations().isEmpty()) {
            kustomization.set("commonAnnotations", YAML.valueToTree(new TreeMap<>(options.commonAnnotations())));
        }
        try {
            Files.createDirectories(overlayFolder);
            YAML.writeValue(overlayFolder.resolve("kustomization.yaml").toFile(), kustomization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return overlayFolder;
    }

    /**
     * One image override in {@code kustomize edit set image} syntax: {@code name=newName:tag},
     * {@code name=newName@digest}, {@code name:tag}, {@code name@digest} or {@code name=newName}.
     */
    static Map<String, String> image(String override, Map<String, String> renamed) {
        Map<String, String> image = new TreeMap<>();
        int equals = override.indexOf('=');
        String name = equals < 0 ? null : override.substring(0, equals);
        String target = equals < 0 ? override : override.substring(equals + 1);
        String newName = target;
        int at = target.indexOf('@');
        if (at >= 0) {
            image.put("digest", target.substring(at + 1));
            newName = target.substring(0, at);
        } else {
            int colon = target.lastIndexOf(':');
            if (colon > target.lastIndexOf('/')) {
                image.put("newTag", target.substring(colon + 1));
                newName = target.substring(0, colon);
            }
        }
        if (name == null) {
            image.put("name", renamed.getOrDefault(newName, newName));
        } else {
            image.put("name", renamed.getOrDefault(name, name));
            image.put("newName", newName);
        }
        return image;
    }

    /**
     * The images the Application's own kustomization renames ({@code name} to {@code newName}). Argo CD edits
     * that kustomization, so its override replaces the rename; ours runs after it and so has to match the new name.
     */
    private static Map<String, String> renamedImages(Path appDir) {
        Path file = RendererChoice.kustomizationFile(appDir);
        Map<String, String> renamed = new TreeMap<>();
        if (file == null) {
            return renamed;
        }
        try {
            for (JsonNode image : YAML.readTree(file.toFile()).path("images")) {
                if (image.path("name").isTextual() && image.path("newName").isTextual()) {
                    renamed.put(image.get("name").asText(), image.get("newName").asText());
                }
            }
        } catch (IOException e) {
            // an unreadable kustomization fails in kustomize itself, with its own message
        }
        return renamed;
    }
}
