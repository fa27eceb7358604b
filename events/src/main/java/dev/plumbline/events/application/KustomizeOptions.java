package dev.plumbline.events.application;

import java.util.List;
import java.util.Map;

/**
 * Changes to apply on top of a kustomization, as Argo CD users know them.
 *
 * @param namePrefix        prefix for every object name; null for none
 * @param nameSuffix        suffix for every object name; null for none
 * @param images            image overrides in {@code kustomize edit set image} syntax, such as
 *                          {@code web=registry.example.com/web:1.4.2}
 * @param commonLabels      labels added to every object
 * @param commonAnnotations annotations added to every object
 */
public record KustomizeOptions(
        String namePrefix,
        String nameSuffix,
        List<String> images,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations) {

    public KustomizeOptions {
        images = images == null ? List.of() : List.copyOf(images);
        commonLabels = commonLabels == null ? Map.of() : Map.copyOf(commonLabels);
        commonAnnotations = commonAnnotations == null ? Map.of() : Map.copyOf(commonAnnotations);
    }
}
