package dev.plumbline.reconciler.cluster;

import dev.plumbline.events.manifest.GroupKind;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds the API server serves, from discovery: read once, and again only when a kind is asked for that it did
 * not know (a CRD just established), so that steady-state syncs send no discovery requests.
 */
@ApplicationScoped
public class ApiCatalog {

    private final KubernetesClient client;
    private final ClusterGuard guard;
    private volatile Map<GroupKind, ResourceType> kinds = Map.of();

    @Inject
    public ApiCatalog(KubernetesClient client, ClusterGuard guard) {
        this.client = client;
        this.guard = guard;
    }

    /** The kind at its preferred version; empty when the API server does not serve it, even after a refresh. */
    public Optional<ResourceType> find(GroupKind kind) {
        ResourceType known = kinds.get(kind);
        if (known == null) {
            refresh();
            known = kinds.get(kind);
        }
        return Optional.ofNullable(known);
    }

    /** Whether the kind is namespaced, without asking the API server; empty when not known yet. */
    public Optional<Boolean> namespaced(GroupKind kind) {
        return Optional.ofNullable(kinds.get(kind)).map(ResourceType::namespaced);
    }

    /** Every kind served that can be listed and watched. */
    public Collection<ResourceType> watchable() {
        if (kinds.isEmpty()) {
            refresh();
        }
        return List.copyOf(kinds.values());
    }

    public synchronized void refresh() {
        Map<GroupKind, ResourceType> found = new ConcurrentHashMap<>();
        read("", "v1", found);
        for (APIGroup group : guard.call(() -> client.getApiGroups()).getGroups()) {
            String version = group.getPreferredVersion() != null
                    ? group.getPreferredVersion().getVersion()
                    : group.getVersions().get(0).getVersion();
            read(group.getName(), version, found);
        }
        kinds = Map.copyOf(found);
    }

    private void read(String group, String version, Map<GroupKind, ResourceType> into) {
        String groupVersion = group.isEmpty() ? version : group + "/" + version;
        APIResourceList resources = guard.call(() -> client.getApiResources(groupVersion));
        if (resources == null) {
            return;
        }
        for (APIResource resource : resources.getResources()) {
            boolean subresource = resource.getName().contains("/");
            List<String> verbs = resource.getVerbs() == null ? List.of() : resource.getVerbs();
            if (!subresource && verbs.contains("list") && verbs.contains("watch")) {
                into.put(
                        new GroupKind(group, resource.getKind()),
                        new ResourceType(
                                group,
                                version,
                                resource.getKind(),
                                resource.getName(),
                                Boolean.TRUE.equals(resource.getNamespaced())));
            }
        }
    }
}
