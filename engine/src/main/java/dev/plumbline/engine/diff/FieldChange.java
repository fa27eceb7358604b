package dev.plumbline.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.FieldPath;
import dev.plumbline.events.manifest.FieldDiff;
import java.util.Objects;

/**
 * One difference found by the comparison, with its structured path (for attribution to a field manager) before it
 * becomes an event's {@link FieldDiff}.
 *
 * @param path   where
 * @param live   the live value; null when the field is absent live
 * @param desired the desired value; null when Git does not have it (an entry the live object gained)
 */
public record FieldChange(FieldPath path, JsonNode live, JsonNode desired) {

    public FieldChange {
        Objects.requireNonNull(path, "path");
    }

    /** As events carry it: before is live, after is desired. */
    public FieldDiff toFieldDiff() {
        return new FieldDiff(path.toString(), live, desired);
    }
}
