package dev.plumbline.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.FieldPath;
import dev.plumbline.engine.object.ManagedFieldsEntry;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Who last wrote a live field, from the object's {@code metadata.managedFields}: the manager that owns the field or
 * its nearest owned ancestor; when several do, the one that wrote last. A field absent live has no owner, and a
 * cluster that keeps no managed fields tells nobody: both give {@link FieldManagerAttribution#unknown()}.
 */
final class FieldAttribution {

    private static final Comparator<ManagedFieldsEntry> LATEST_LAST =
            Comparator.comparing(ManagedFieldsEntry::time, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

    private final List<ManagedFieldsEntry> entries;

    private FieldAttribution(List<ManagedFieldsEntry> entries) {
        this.entries = entries;
    }

    static FieldAttribution of(JsonNode live) {
        return new FieldAttribution(ManagedFieldsEntry.of(live));
    }

    FieldManagerAttribution of(FieldChange change) {
        if (change.live() == null) {
            return FieldManagerAttribution.unknown();
        }
        List<FieldPath.Segment> path = change.path().segments();
        Comparator<ManagedFieldsEntry> closest = Comparator.<ManagedFieldsEntry>comparingInt(
                        entry -> entry.fields().ownedDepth(path))
                .thenComparing(LATEST_LAST);
        return entries.stream()
                .filter(entry -> entry.fields().ownedDepth(path) >= 0)
                .max(closest)
                .or(() -> entries.stream()
                        .filter(entry -> entry.fields().reaches(path))
                        .max(LATEST_LAST))
                .map(ManagedFieldsEntry::attribution)
                .orElse(FieldManagerAttribution.unknown());
    }
}
