package dev.plumbline.events.application;

import java.util.List;

/**
 * How to template a Helm chart.
 *
 * @param releaseName the release name; null for the Application's name
 * @param valueFiles  value files, relative to the chart folder, applied in order
 * @param values      inline values as a YAML document, applied after the value files; null for none
 * @param parameters  {@code --set}-style parameters, applied last, in order
 * @param kubeVersion the Kubernetes version the chart sees ({@code --kube-version}); null for the destination
 *                    cluster's
 * @param apiVersions the API versions the chart sees ({@code --api-versions}); empty for the destination cluster's
 */
public record HelmOptions(
        String releaseName,
        List<String> valueFiles,
        String values,
        List<HelmParameter> parameters,
        String kubeVersion,
        List<String> apiVersions) {

    public HelmOptions {
        valueFiles = valueFiles == null ? List.of() : List.copyOf(valueFiles);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        apiVersions = apiVersions == null ? List.of() : List.copyOf(apiVersions);
    }

    /** Options that leave the cluster's version and API versions as they are. */
    public HelmOptions(String releaseName, List<String> valueFiles, String values, List<HelmParameter> parameters) {
        this(releaseName, valueFiles, values, parameters, null, List.of());
    }
}
