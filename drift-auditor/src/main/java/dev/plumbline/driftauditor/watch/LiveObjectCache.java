package dev.plumbline.driftauditor.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.inventory.TrackingMarks;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.manifest.GroupKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The tracked live objects, indexed by identity and by the app their annotation names. Fed by the watches; read by
 * the drift rules on the same thread, so it is not thread-safe.
 */
public final class LiveObjectCache implements LiveView {

    /** The app of a tracked object without an app annotation: an orphan nobody can claim. */
    public static final String UNNAMED_APP = "(none)";

    private final Map<ObjectKey, JsonNode> objects = new HashMap<>();
    private final Map<String, Map<ObjectKey, JsonNode>> byApp = new HashMap<>();
    private final Set<GroupKind> synced = new HashSet<>();
    private final Map<GroupKind, Boolean> namespacedKinds = new HashMap<>();
    private final Consumer<Collection<WatchedKind>> watchRequests;

    /** @param watchRequests told which kinds the drift rules want watched */
    public LiveObjectCache(Consumer<Collection<WatchedKind>> watchRequests) {
        this.watchRequests = watchRequests;
    }

    /** Stores the object as live now, and gives what it replaced (null when new). */
    public JsonNode put(JsonNode body) {
        ObjectKey key = ObjectKey.of(body);
        JsonNode before = objects.put(key, body);
        if (before != null) {
            index(before).remove(key);
        }
        index(body).put(key, body);
        namespacedKinds.put(new GroupKind(key.group(), key.kind()), key.namespace() != null);
        return before;
    }

    /** Removes the object, and gives what it was (null when unknown). */
    public JsonNode remove(ObjectKey key) {
        JsonNode before = objects.remove(key);
        if (before != null) {
            Map<ObjectKey, JsonNode> appObjects = index(before);
            appObjects.remove(key);
            if (appObjects.isEmpty()) {
                byApp.remove(appOf(before));
            }
        }
        return before;
    }

    public void markSynced(GroupKind kind) {
        synced.add(kind);
    }

    /** The keys held for one kind, to tell which of them a fresh list no longer has. */
    public List<ObjectKey> keysOf(GroupKind kind) {
        return objects.keySet().stream()
                .filter(key -> key.group().equals(kind.group()) && key.kind().equals(kind.kind()))
                .toList();
    }

    public int size() {
        return objects.size();
    }

    @Override
    public Optional<JsonNode> get(ObjectKey key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public boolean synced(GroupKind kind) {
        return synced.contains(kind);
    }

    @Override
    public Collection<JsonNode> trackedFor(String app) {
        Map<ObjectKey, JsonNode> appObjects = byApp.get(app);
        return appObjects == null ? List.of() : List.copyOf(appObjects.values());
    }

    @Override
    public Set<String> trackedApps() {
        return Set.copyOf(byApp.keySet());
    }

    @Override
    public Optional<Boolean> namespaced(GroupKind kind) {
        return Optional.ofNullable(namespacedKinds.get(kind));
    }

    @Override
    public void watch(Collection<WatchedKind> kinds) {
        watchRequests.accept(kinds);
    }

    public static String appOf(JsonNode body) {
        return TrackingMarks.appOf(body).orElse(UNNAMED_APP);
    }

    private Map<ObjectKey, JsonNode> index(JsonNode body) {
        return byApp.computeIfAbsent(appOf(body), app -> new LinkedHashMap<>());
    }
}
