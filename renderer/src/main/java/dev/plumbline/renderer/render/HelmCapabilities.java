package dev.plumbline.renderer.render;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.ClusterCapabilities;
import dev.plumbline.events.application.HelmOptions;
import java.util.List;

/**
 * What a chart's {@code .Capabilities} say when it is templated for an Application: the Application's own
 * {@code spec.source.helm.kubeVersion} and {@code apiVersions} when it names them, otherwise the destination
 * cluster's as the reconciler read them, otherwise nothing (Helm's built-in defaults).
 *
 * @param kubeVersion for {@code --kube-version}; null for Helm's default
 * @param apiVersions for {@code --api-versions}, added to Helm's built-in ones; empty for those alone
 */
public record HelmCapabilities(String kubeVersion, List<String> apiVersions) {

    public HelmCapabilities {
        apiVersions = List.copyOf(apiVersions);
    }

    public static HelmCapabilities of(ApplicationSpec spec) {
        HelmOptions helm = spec.sourceSpec().helm();
        ClusterCapabilities cluster = spec.clusterCapabilities();
        String kubeVersion = helm != null && helm.kubeVersion() != null
                ? helm.kubeVersion()
                : cluster == null ? null : cluster.kubeVersion();
        List<String> apiVersions = helm != null && !helm.apiVersions().isEmpty()
                ? helm.apiVersions()
                : cluster == null ? List.of() : cluster.apiVersions();
        return new HelmCapabilities(kubeVersion, apiVersions);
    }

    /** Whether neither the Application nor the cluster said anything, so Helm answers with its defaults. */
    public boolean unknown() {
        return kubeVersion == null && apiVersions.isEmpty();
    }
}
