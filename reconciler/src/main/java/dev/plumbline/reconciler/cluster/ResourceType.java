package dev.plumbline.reconciler.cluster;

import dev.plumbline.events.manifest.GroupKind;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** A kind as the API server serves it: where to send requests for it, and whether its objects live in namespaces. */
public record ResourceType(String group, String version, String kind, String plural, boolean namespaced) {

    public GroupKind groupKind() {
        return new GroupKind(group, kind);
    }

    /** The same kind at another version, for applying an object written for that version. */
    public ResourceType atVersion(String otherVersion) {
        return new ResourceType(group, otherVersion, kind, plural, namespaced);
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(namespaced)
                .build();
    }
}
