package dev.plumbline.engine.object;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a live object's {@code metadata.managedFields}: a field manager, how it last wrote (Apply or Update),
 * when, and the fields it owns.
 */
public record ManagedFieldsEntry(String manager, String operation, Instant time, String subresource, FieldSet fields) {

    /** Every entry of a live object, in the order the cluster lists them; empty when it has none. */
    public static List<ManagedFieldsEntry> of(JsonNode liveBody) {
        List<ManagedFieldsEntry> entries = new ArrayList<>();
        for (JsonNode entry : liveBody.path("metadata").path("managedFields")) {
            entries.add(new ManagedFieldsEntry(
                    entry.path("manager").asText(""),
                    entry.path("operation").asText(null),
                    instant(entry.path("time").asText(null)),
                    entry.path("subresource").asText(""),
                    FieldSet.parse(entry.get("fieldsV1"))));
        }
        return entries;
    }

    public FieldManagerAttribution attribution() {
        return new FieldManagerAttribution(manager, operation, time);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }
}
