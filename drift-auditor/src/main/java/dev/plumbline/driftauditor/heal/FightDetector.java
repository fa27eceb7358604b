package dev.plumbline.driftauditor.heal;

import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.vocabulary.DriftKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds fights in one app: a field that drifts again after Plumbline asked to heal it is a revert; more than
 * {@code maxReverts} reverts within {@code window} is a fight. A contested field is no longer healed (its object is
 * left out of heal requests) until someone acts, which {@link #clear()} records. Not thread-safe.
 */
public final class FightDetector {

    private final int maxReverts;
    private final Duration window;
    private final Map<FieldRef, FieldHistory> fields = new HashMap<>();
    private final Set<FieldRef> contested = new HashSet<>();

    public FightDetector(int maxReverts, Duration window) {
        this.maxReverts = maxReverts;
        this.window = window;
    }

    /**
     * Takes the app's drift as just evaluated.
     *
     * @return the fights that began now, each reported once
     */
    public List<Fight> observe(Map<ObjectKey, DriftedObject> drift, Instant now) {
        Set<FieldRef> driftedNow = new HashSet<>();
        List<Fight> begun = new ArrayList<>();
        drift.forEach((key, object) -> {
            if (object.kind() != DriftKind.MODIFIED) {
                return;
            }
            for (DriftedField field : object.fields()) {
                FieldRef ref = new FieldRef(key, field.path());
                driftedNow.add(ref);
                FieldHistory history = fields.computeIfAbsent(ref, r -> new FieldHistory());
                if (!history.drifted && history.healRequested) {
                    history.healRequested = false;
                    history.reverts.addLast(now);
                    while (!history.reverts.isEmpty()
                            && history.reverts.peekFirst().isBefore(now.minus(window))) {
                        history.reverts.removeFirst();
                    }
                    if (history.reverts.size() > maxReverts && contested.add(ref)) {
                        begun.add(new Fight(
                                object.object(), field.path(), field.changedBy(), history.reverts.size(), window));
                    }
                }
                history.drifted = true;
            }
        });
        fields.forEach((ref, history) -> history.drifted = driftedNow.contains(ref));
        fields.entrySet()
                .removeIf(entry -> !entry.getValue().drifted
                        && !entry.getValue().healRequested
                        && entry.getValue().reverts.isEmpty());
        return begun;
    }

    /** A heal was asked for these objects: their drifted fields, if they drift again, are reverts. */
    public void healRequested(Collection<DriftedObject> objects, Map<ObjectKey, DriftedObject> drift) {
        drift.forEach((key, object) -> {
            if (objects.contains(object)) {
                for (DriftedField field : object.fields()) {
                    fields.computeIfAbsent(new FieldRef(key, field.path()), r -> new FieldHistory()).healRequested =
                            true;
                }
            }
        });
    }

    /** A fight reported before (by the instance that held the app): the field stays contested. */
    public void contest(ObjectKey object, String path) {
        contested.add(new FieldRef(object, path));
    }

    /** Whether healing this object is stopped because one of its drifted fields is contested. */
    public boolean contested(ObjectKey key, DriftedObject object) {
        return object.fields().stream().anyMatch(field -> contested.contains(new FieldRef(key, field.path())));
    }

    /** Someone acted (a new desired state, a pause or a resume): contested fields may be healed again. */
    public void clear() {
        contested.clear();
        fields.clear();
    }

    private static final class FieldHistory {
        private boolean drifted;
        private boolean healRequested;
        private final Deque<Instant> reverts = new ArrayDeque<>();
    }
}
