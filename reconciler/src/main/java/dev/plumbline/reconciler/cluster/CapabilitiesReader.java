package dev.plumbline.reconciler.cluster;

import dev.plumbline.events.application.ClusterCapabilities;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what a Helm chart asks of a cluster through {@code .Capabilities}, as Helm itself reads it from an API server:
 * the version from {@code /version}, and every served group/version (all of them, not only the preferred one), each
 * with its kinds as {@code group/version/Kind}. One request for the version, two for the group lists, and one per
 * group/version.
 */
public final class CapabilitiesReader {

    private CapabilitiesReader() {}

    public static ClusterCapabilities read(KubernetesClient client) {
        VersionInfo version = client.getKubernetesVersion();
        if (version == null
                || version.getGitVersion() == null
                || version.getGitVersion().isBlank()) {
            throw new IllegalStateException(
                    "the API server at " + client.getMasterUrl() + " answered /version without a gitVersion");
        }
        List<String> groupVersions = new ArrayList<>();
        APIVersions core = client.getAPIVersions();
        if (core != null && core.getVersions() != null) {
            groupVersions.addAll(core.getVersions());
        }
        for (APIGroup group : client.getApiGroups().getGroups()) {
            for (GroupVersionForDiscovery served : group.getVersions()) {
                groupVersions.add(served.getGroupVersion());
            }
        }
        Set<String> apiVersions = new TreeSet<>(groupVersions);
        for (String groupVersion : groupVersions) {
            APIResourceList resources = client.getApiResources(groupVersion);
            if (resources == null || resources.getResources() == null) {
                continue;
            }
            for (APIResource resource : resources.getResources()) {
                if (!resource.getName().contains("/")) {
                    apiVersions.add(groupVersion + "/" + resource.getKind());
                }
            }
        }
        return new ClusterCapabilities(version.getGitVersion(), List.copyOf(apiVersions));
    }
}
