package dev.plumbline.events.application;

import java.util.List;
import java.util.Objects;

/**
 * Differences the engine leaves out of diffs and drift for matching objects.
 *
 * @param group                 the object's API group; empty for the core group
 * @param kind                  the object's kind
 * @param name                  the object's name; null for every object of that kind
 * @param namespace             the object's namespace; null for any
 * @param jsonPointers          RFC 6901 pointers of fields to ignore, such as {@code /spec/replicas}
 * @param managedFieldsManagers field managers whose fields are ignored, such as {@code kube-controller-manager}
 */
public record IgnoreDifference(
        String group,
        String kind,
        String name,
        String namespace,
        List<String> jsonPointers,
        List<String> managedFieldsManagers) {

    public IgnoreDifference {
        group = group == null ? "" : group;
        Objects.requireNonNull(kind, "kind");
        jsonPointers = jsonPointers == null ? List.of() : List.copyOf(jsonPointers);
        managedFieldsManagers = managedFieldsManagers == null ? List.of() : List.copyOf(managedFieldsManagers);
    }
}
