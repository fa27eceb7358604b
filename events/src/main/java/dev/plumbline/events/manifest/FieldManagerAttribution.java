package dev.plumbline.events.manifest;

import java.time.Instant;
import java.util.Objects;

/**
 * Who last wrote a field, as the cluster's {@code metadata.managedFields} says.
 *
 * @param manager   the field manager, for example {@code kubectl-edit}; {@value #UNKNOWN_MANAGER} when the cluster
 *                  does not say
 * @param operation {@code Apply} or {@code Update}, as Kubernetes spells it; null when unknown
 * @param time      when that manager last wrote; null when unknown
 */
public record FieldManagerAttribution(String manager, String operation, Instant time) {

    public static final String UNKNOWN_MANAGER = "unknown";

    public FieldManagerAttribution {
        manager = manager == null || manager.isBlank() ? UNKNOWN_MANAGER : manager;
    }

    public static FieldManagerAttribution unknown() {
        return new FieldManagerAttribution(UNKNOWN_MANAGER, null, null);
    }

    public boolean known() {
        return !Objects.equals(manager, UNKNOWN_MANAGER);
    }
}
