package dev.plumbline.events.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One field that differs between desired and live.
 *
 * @param path   the field in the engine's notation, for example
 *               {@code spec.template.spec.containers[name=web].image}
 * @param before the live value; null when the field is absent live (it will be added)
 * @param after  the desired value; null when the field will be removed. Values of Secrets are masked before they
 *               reach an event: both sides then hold a mask that still shows whether they differ.
 */
public record FieldDiff(String path, JsonNode before, JsonNode after) {

    public FieldDiff {
        Objects.requireNonNull(path, "path");
    }
}
