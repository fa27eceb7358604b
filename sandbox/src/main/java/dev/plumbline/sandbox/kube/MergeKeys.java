package dev.plumbline.sandbox.kube;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which lists are merged item by item, and by which key, as Kubernetes declares with
 * {@code patchMergeKey} and {@code listMapKeys} on its built-in types. Only the lists Plumbline's
 * workloads touch are listed; every other list is atomic (replaced whole), which is also what a
 * custom resource without list annotations in its schema gets.
 */
final class MergeKeys {

    static final MergeKeys BUILT_IN = new MergeKeys(true);
    static final MergeKeys NONE = new MergeKeys(false);

    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

    private static final Map<String, String> BY_FIELD = Map.of(
            "containers", "name",
            "initContainers", "name",
            "ephemeralContainers", "name",
            "env", "name",
            "volumes", "name",
            "imagePullSecrets", "name",
            // Kubernetes keys volume mounts and devices by where they are mounted, not by volume name
            "volumeMounts", "mountPath",
            "volumeDevices", "devicePath",
            "ownerReferences", "uid");

    private final boolean enabled;

    private MergeKeys(boolean enabled) {
        this.enabled = enabled;
    }

    static MergeKeys forResource(ResourceType type) {
        return type.builtIn() ? BUILT_IN : NONE;
    }

    /**
     * The merge key of the list at the given path of field names (list items are not part of it),
     * or empty when the list is atomic.
     */
    Optional<String> keyOf(List<String> fieldNames) {
        if (!enabled || fieldNames.isEmpty()) {
            return Optional.empty();
        }
        String field = fieldNames.get(fieldNames.size() - 1);
        if ("ports".equals(field)) {
            return Optional.of(portKey(fieldNames));
        }
        return Optional.ofNullable(BY_FIELD.get(field));
    }

    private static String portKey(List<String> fieldNames) {
        // a container's ports are keyed by containerPort; a Service's by port
        boolean inContainer = fieldNames.size() >= 2 && CONTAINER_LISTS.contains(fieldNames.get(fieldNames.size() - 2));
        return inContainer ? "containerPort" : "port";
    }
}
