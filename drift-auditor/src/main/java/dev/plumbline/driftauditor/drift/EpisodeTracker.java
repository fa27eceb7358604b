package dev.plumbline.driftauditor.drift;

import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.ObjectIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One app's drift episodes. An episode begins when the app first drifts, grows when an object or field not yet
 * seen in it drifts, and ends when nothing drifts any more: one alert when it begins, one when it grows, one
 * recovery when it ends, however many watch events come in between (a value edited twice is not news). Not
 * thread-safe.
 */
public final class EpisodeTracker {

    /** What an evaluation changed about the episode. */
    public sealed interface Change permits None, Began, Grew, Ended {}

    public record None() implements Change {}

    public record Began(String episodeId) implements Change {}

    public record Grew(String episodeId) implements Change {}

    /** @param objects every object that drifted during the episode */
    public record Ended(String episodeId, Instant detectedAt, boolean healRequested, List<ObjectIdentity> objects)
            implements Change {}

    private String episodeId;
    private Instant detectedAt;
    private boolean healRequested;
    private final Set<String> seen = new HashSet<>();
    private final List<ObjectIdentity> objects = new ArrayList<>();

    public Change update(Map<ObjectKey, DriftedObject> drift, Instant now) {
        if (drift.isEmpty()) {
            if (episodeId == null) {
                return new None();
            }
            Ended ended = new Ended(episodeId, detectedAt, healRequested, List.copyOf(objects));
            episodeId = null;
            detectedAt = null;
            healRequested = false;
            seen.clear();
            objects.clear();
            return ended;
        }
        boolean begins = episodeId == null;
        if (begins) {
            episodeId = UUID.randomUUID().toString();
            detectedAt = now;
        }
        boolean grew = false;
        for (Map.Entry<ObjectKey, DriftedObject> entry : drift.entrySet()) {
            DriftedObject object = entry.getValue();
            if (seen.add(entry.getKey() + " " + object.kind())) {
                grew = true;
                if (objects.stream().noneMatch(object.object()::sameObjectAs)) {
                    objects.add(object.object());
                }
            }
            for (DriftedField field : object.fields()) {
                grew |= seen.add(entry.getKey() + " " + field.path());
            }
        }
        if (begins) {
            return new Began(episodeId);
        }
        return grew ? new Grew(episodeId) : new None();
    }

    /**
     * Carries on an episode another instance opened (its id, start, whether a heal was asked for, and what drifted
     * in it), or none when {@code episodeId} is null: what was told before is not told again.
     */
    public void resume(String resumedId, Instant resumedAt, boolean resumedHealRequested, List<DriftedObject> drifted) {
        episodeId = resumedId;
        detectedAt = resumedId == null ? null : resumedAt;
        healRequested = resumedId != null && resumedHealRequested;
        seen.clear();
        objects.clear();
        if (resumedId == null) {
            return;
        }
        for (DriftedObject object : drifted) {
            ObjectKey key = ObjectKey.of(object.object());
            seen.add(key + " " + object.kind());
            object.fields().forEach(field -> seen.add(key + " " + field.path()));
            if (objects.stream().noneMatch(object.object()::sameObjectAs)) {
                objects.add(object.object());
            }
        }
    }

    public void healRequested() {
        healRequested = true;
    }

    /** The current episode; null when the app does not drift. */
    public String episodeId() {
        return episodeId;
    }
}
