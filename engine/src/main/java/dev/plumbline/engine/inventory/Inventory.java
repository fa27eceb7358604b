package dev.plumbline.engine.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ObjectKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an app owns in the cluster: the live objects whose tracking id names the app and the object itself
 * ({@link TrackingMarks#isOwnedBy}) and that no controller owns. It is read from the objects themselves, not kept
 * elsewhere, so it survives restarts and cannot disagree with the cluster. Objects whose label and app annotation
 * name the app without such a tracking id are kept apart as {@link #unproven()}: never the app's to delete.
 */
public final class Inventory {

    private final String app;
    private final Map<ObjectKey, JsonNode> objects;
    private final List<Unproven> unproven;

    private Inventory(String app, Map<ObjectKey, JsonNode> objects, List<Unproven> unproven) {
        this.app = app;
        this.objects = objects;
        this.unproven = List.copyOf(unproven);
    }

    /** @param live live objects of any app (an informer's cache, say); the app's are picked out */
    public static Inventory of(String app, Collection<? extends JsonNode> live) {
        Map<ObjectKey, JsonNode> owned = new LinkedHashMap<>();
        List<Unproven> unproven = new ArrayList<>();
        for (JsonNode object : live) {
            if (TrackingMarks.appOf(object).filter(app::equals).isEmpty() || TrackingMarks.isControlled(object)) {
                continue;
            }
            if (TrackingMarks.isOwnedBy(app, object)) {
                owned.put(ObjectKey.of(object), object);
            } else {
                unproven.add(Unproven.of(app, object));
            }
        }
        return new Inventory(app, owned, unproven);
    }

    /**
     * Tracked live objects that belong to no known app: their app annotation is missing or names an app that no
     * longer exists. The drift-auditor reports them as orphans; no app's prune will ever remove them.
     *
     * @param knownApps every app Plumbline knows
     */
    public static List<JsonNode> orphans(Set<String> knownApps, Collection<? extends JsonNode> live) {
        return live.stream()
                .filter(TrackingMarks::isTracked)
                .filter(object -> !TrackingMarks.isControlled(object))
                .filter(object -> TrackingMarks.appOf(object)
                        .map(app -> !knownApps.contains(app))
                        .orElse(true))
                .map(JsonNode.class::cast)
                .toList();
    }

    public String app() {
        return app;
    }

    public List<JsonNode> objects() {
        return List.copyOf(objects.values());
    }

    /** Live objects whose label and app annotation name the app but whose tracking id does not prove it. */
    public List<Unproven> unproven() {
        return unproven;
    }

    public Optional<JsonNode> get(ObjectKey key) {
        return Optional.ofNullable(objects.get(key));
    }

    public boolean contains(ObjectKey key) {
        return objects.containsKey(key);
    }

    public int size() {
        return objects.size();
    }
}
