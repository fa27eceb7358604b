package dev.plumbline.events.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One field whose live value differs from the desired one. Secret values are masked before they reach an event.
 *
 * @param path      the field in the engine's notation, for example {@code spec.replicas}
 * @param desired   what Git wants; null when Git does not have the field
 * @param live      what the cluster has; null when the field was removed live
 * @param changedBy who changed it
 */
public record DriftedField(String path, JsonNode desired, JsonNode live, FieldManagerAttribution changedBy) {

    public DriftedField {
        Objects.requireNonNull(path, "path");
        changedBy = changedBy == null ? FieldManagerAttribution.unknown() : changedBy;
    }
}
