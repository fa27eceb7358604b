package dev.plumbline.events.application;

import java.util.List;

/**
 * How to template a Helm chart.
 *
 * @param releaseName the release name; null for the Application's name
 * @param valueFiles  value files, relative to the chart folder, applied in order
 * @param values      inline values as a YAML document, applied after the value files; null for none
 * @param parameters  {@code --set}-style parameters, applied last, in order
 */
public record HelmOptions(String releaseName, List<String> valueFiles, String values, List<HelmParameter> parameters) {

    public HelmOptions {
        valueFiles = valueFiles == null ? List.of() : List.copyOf(valueFiles);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
