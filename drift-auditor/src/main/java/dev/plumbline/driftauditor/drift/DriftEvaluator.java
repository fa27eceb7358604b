package dev.plumbline.driftauditor.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.driftauditor.watch.LiveView;
import dev.plumbline.engine.inventory.TrackingMarks;
import dev.plumbline.engine.object.ManagedFieldsEntry;
import dev.plumbline.engine.object.ObjectIdentityReader;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.DriftKind;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The drift rules for one app: which of its objects differ from desired, were deleted, or exist unwanted. Fields last
 * written by Plumbline's own field manager are its own applies, never drift (the reconciler may apply a render this
 * service has not read yet). A desired object counts as deleted only once it has been seen live under the current
 * desired state: one never created is missing, the reconciler's out-of-sync, not drift. Right after a new desired
 * state, and right after Plumbline's own write, an unwanted object is given {@code settle} to be pruned before it
 * counts.
 */
final class DriftEvaluator {

    /**
     * The drift found, when to look again because something was given time to settle, and the desired objects found
     * live (from now on, their absence is a deletion).
     */
    record Result(Map<ObjectKey, DriftedObject> drift, Instant recheckAt, Set<ObjectKey> seenLive) {}

    private final DriftSettings settings;

    DriftEvaluator(DriftSettings settings) {
        this.settings = settings;
    }

    Result evaluate(AppDrift state, LiveView live, Instant now) {
        Map<ObjectKey, DriftedObject> drift = new LinkedHashMap<>();
        Set<ObjectKey> seenLive = new HashSet<>();
        Instant recheck = null;
        Instant desiredSince = state.desiredSince();
        boolean settled = desiredSince == null || !now.isBefore(desiredSince.plus(settings.settle()));
        for (Map.Entry<ObjectKey, RenderedObject> entry : state.desiredObjects().entrySet()) {
            ObjectKey key = entry.getKey();
            RenderedObject desired = entry.getValue();
            if (!live.synced(desired.identity().groupKind())) {
                continue;
            }
            Optional<JsonNode> liveObject = live.get(key);
            if (liveObject.isEmpty()) {
                // only an object that was live can have been deleted; one never created is the reconciler's
                // out-of-sync (a failed or pending sync), which healing would not fix
                if (state.wasSeenLive(key)) {
                    drift.put(key, new DriftedObject(desired.identity(), DriftKind.DELETED, List.of()));
                }
                continue;
            }
            seenLive.add(key);
            state.driftOf(desired, liveObject.get())
                    .map(this::withoutOwnApplies)
                    .ifPresent(object -> drift.put(key, object));
        }
        for (JsonNode object : live.trackedFor(state.app())) {
            ObjectKey key = ObjectKey.of(object);
            if (state.desiredObjects().containsKey(key)
                    || TrackingMarks.isControlled(object)
                    || !live.synced(new GroupKind(key.group(), key.kind()))) {
                continue;
            }
            Instant ownWrite = lastOwnWrite(object);
            Instant settlesAt = ownWrite == null ? null : ownWrite.plus(settings.settle());
            if (settlesAt != null && now.isBefore(settlesAt)) {
                recheck = earliest(recheck, settlesAt);
            } else if (!settled && state.hasDesired()) {
                recheck = earliest(recheck, desiredSince.plus(settings.settle()));
            } else {
                drift.put(key, new DriftedObject(ObjectIdentityReader.identityOf(object), DriftKind.ORPHAN, List.of()));
            }
        }
        return new Result(drift, recheck, seenLive);
    }

    private DriftedObject withoutOwnApplies(DriftedObject object) {
        List<DriftedField> others = object.fields().stream()
                .filter(field ->
                        !settings.ownFieldManagers().contains(field.changedBy().manager()))
                .toList();
        return others.isEmpty() ? null : new DriftedObject(object.object(), object.kind(), others);
    }

    private Instant lastOwnWrite(JsonNode object) {
        return ManagedFieldsEntry.of(object).stream()
                .filter(entry -> settings.ownFieldManagers().contains(entry.manager()))
                .map(ManagedFieldsEntry::time)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
