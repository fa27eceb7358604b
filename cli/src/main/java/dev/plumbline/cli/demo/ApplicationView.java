package dev.plumbline.cli.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the Application resource says of itself, read from the Kubernetes API: the reconciler's status. */
public record ApplicationView(String name, Map<String, Object> status) {

    public static ApplicationView of(GenericKubernetesResource resource) {
        Object status = resource.getAdditionalProperties().get("status");
        return new ApplicationView(
                resource.getMetadata().getName(), status instanceof Map<?, ?> map ? cast(map) : Map.of());
    }

    public String syncStatus() {
        return text(section("sync"), "status");
    }

    public String revision() {
        return text(section("sync"), "revision");
    }

    public String health() {
        return text(section("health"), "status");
    }

    public boolean isSyncedAt(String revision) {
        return "synced".equals(syncStatus()) && revision.equals(revision());
    }

    /** The newest entry of the sync history, when there is one. */
    public Optional<Map<String, Object>> lastSync() {
        return status.get("history") instanceof List<?> history
                        && !history.isEmpty()
                        && history.get(0) instanceof Map<?, ?> entry
                ? Optional.of(cast(entry))
                : Optional.empty();
    }

    public Optional<Map<String, Object>> condition(String type) {
        if (!(status.get("conditions") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        return conditions.stream()
                .filter(c -> c instanceof Map<?, ?> map && type.equals(map.get("type")))
                .map(c -> cast((Map<?, ?>) c))
                .findFirst();
    }

    public Optional<Map<String, Object>> selfHealPause() {
        return Optional.of(section("selfHealPause")).filter(pause -> !pause.isEmpty());
    }

    public Optional<Map<String, Object>> drift() {
        return Optional.of(section("drift")).filter(drift -> !drift.isEmpty());
    }

    private Map<String, Object> section(String name) {
        return status.get(name) instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    private static String text(Map<String, Object> section, String key) {
        Object value = section.get(key);
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
