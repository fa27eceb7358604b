package dev.plumbline.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.DriftKind;
import java.util.List;
import java.util.Optional;

/**
 * The drift-auditor's view of one object: the same comparison as a diff, each drifted field attributed to the field
 * manager that last wrote it. Secret values are masked.
 */
public final class DriftAnalyzer {

    private final ObjectDiffer differ;

    public DriftAnalyzer(IgnoreRules ignoreRules) {
        this.differ = new ObjectDiffer(ignoreRules);
    }

    /**
     * @param desired what Git wants
     * @param live    the live object with its managedFields, or null when it was deleted
     * @return the drift, or empty when live matches desired
     */
    public Optional<DriftedObject> drift(RenderedObject desired, JsonNode live) {
        if (live == null) {
            return Optional.of(new DriftedObject(desired.identity(), DriftKind.DELETED, List.of()));
        }
        List<FieldChange> changes = differ.changes(desired.identity(), desired.body(), live);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        FieldAttribution attribution = FieldAttribution.of(live);
        List<DriftedField> fields = changes.stream()
                .map(change -> new DriftedField(
                        change.path().toString(), change.desired(), change.live(), attribution.of(change)))
                .toList();
        return Optional.of(new DriftedObject(desired.identity(), DriftKind.MODIFIED, fields));
    }
}
