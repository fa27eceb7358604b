package dev.plumbline.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.health.HealthAssessor;
import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.engine.mask.SecretMask;
import dev.plumbline.engine.normalize.Normalizer;
import dev.plumbline.engine.object.ObjectIdentityReader;
import dev.plumbline.events.manifest.FieldDiff;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.HealthStatus;
import java.util.List;

/**
 * Compares one desired object with its live counterpart: normalize both, remove ignored fields, compare, mask
 * Secret values. Stateless once built; one instance per Application (it holds the Application's ignore rules) may be
 * shared between threads.
 */
public final class ObjectDiffer {

    private final IgnoreRules ignoreRules;

    public ObjectDiffer(IgnoreRules ignoreRules) {
        this.ignoreRules = ignoreRules;
    }

    /**
     * @param desired what Git wants
     * @param live    the live object as the cluster gives it (status and managedFields included), or null when it
     *                does not exist
     * @return create when absent live, update with its fields, or unchanged; with the live object's health
     */
    public ObjectDiff diff(RenderedObject desired, JsonNode live) {
        HealthStatus health = HealthAssessor.assess(live).status();
        if (live == null) {
            return new ObjectDiff(desired.identity(), ChangeType.CREATE, health, List.of());
        }
        List<FieldDiff> fields = changes(desired.identity(), desired.body(), live).stream()
                .map(FieldChange::toFieldDiff)
                .toList();
        return new ObjectDiff(
                desired.identity(), fields.isEmpty() ? ChangeType.UNCHANGED : ChangeType.UPDATE, health, fields);
    }

    /** A live object Git no longer has: a deletion, with its current health. */
    public ObjectDiff deletion(JsonNode live) {
        return new ObjectDiff(
                ObjectIdentityReader.identityOf(live),
                ChangeType.DELETE,
                HealthAssessor.assess(live).status(),
                List.of());
    }

    /**
     * The differences between a desired and a live body, Secret values masked: what {@link #diff} reports and what
     * drift is made of.
     */
    public List<FieldChange> changes(ObjectIdentity object, JsonNode desiredBody, JsonNode liveBody) {
        ObjectNode desired = Normalizer.normalize(desiredBody);
        ObjectNode live = Normalizer.normalize(liveBody);
        ignoreRules.removeIgnored(object, liveBody, desired, live);
        boolean hasDataKeys = object.group().isEmpty()
                && (object.kind().equals("ConfigMap") || object.kind().equals("Secret"));
        List<FieldChange> changes = FieldComparison.compare(desired, live, hasDataKeys);
        if (!SecretMask.appliesTo(object)) {
            return changes;
        }
        SecretMask mask = new SecretMask();
        return changes.stream()
                .map(change -> SecretMask.isSecretField(change.path())
                        ? new FieldChange(change.path(), mask.mask(change.live()), mask.mask(change.desired()))
                        : change)
                .toList();
    }
}
