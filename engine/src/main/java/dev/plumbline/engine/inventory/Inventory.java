package dev.plumbline.engine.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ObjectKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an app owns in the cluster: the live objects whose tracking marks name it and that no controller owns. It is
 * read from the objects themselves, not kept elsewhere, so it survives restarts and cannot disagree with the cluster.
 */
public final class Inventory {

    private final String app;
    private final Map<ObjectKey, JsonNode> objects;

    private Inventory(String app, Map<ObjectKey, JsonNode> objects) {
        this.app = app;
        this.objects = objects;
    }

    /** @param live live objects of any app (an informer's cache, say); the app's are picked out */
    public static Inventory of(String app, Collection<? extends JsonNode> live) {
        Map<ObjectKey, JsonNode> owned = new LinkedHashMap<>();
        for (JsonNode object : live) {
            if (TrackingMarks.appOf(object).filter(app::equals).isPresent() && !TrackingMarks.isControlled(object)) {
                owned.put(ObjectKey.of(object), object);
            }
        }
        return new Inventory(app, owned);
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
