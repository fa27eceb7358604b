package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The objects in memory, indexed by kind, then by namespace and name, so that a request costs the same with ten
 * objects stored as with ten thousand: a read or write by name is a map look-up, a list reads only its kind (and
 * only its namespace when it names one). It also serves the watches: each change goes to the open watches of its
 * kind, and the latest changes ({@value #HISTORY} unless told otherwise) are kept so that a watch can start from
 * a resourceVersion, as informers do after their list.
 */
final class MemoryObjectStore implements ObjectStore, WatchStream.Source {

    static final int HISTORY = 10_000;

    /** Kind ({@code apiVersion/kind}) to {@code namespace/name} to object; cluster-scoped ones under {@code /name}. */
    private final Map<String, NavigableMap<String, ObjectNode>> objects = new HashMap<>();

    private final List<Consumer<WatchStream.Change>> listeners = new ArrayList<>();
    private final Deque<WatchStream.Change> history = new ArrayDeque<>();
    private final int historySize;
    private final Set<WatchStream> watches = new LinkedHashSet<>();
    private long resourceVersion;
    private long forgottenUpTo;

    MemoryObjectStore() {
        this(HISTORY);
    }

    MemoryObjectStore(int historySize) {
        this.historySize = historySize;
    }

    @Override
    public synchronized Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
        return Optional.ofNullable(ofKind(typeKey(type)).get(key(type, namespace, name)))
                .map(ObjectNode::deepCopy);
    }

    @Override
    public synchronized List<ObjectNode> list(ResourceType type, ObjectFilter filter) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode object : candidates(type, filter)) {
            if (filter.matches(object)) {
                matching.add(object.deepCopy());
            }
        }
        return matching;
    }

    @Override
    public synchronized void insert(ResourceType type, String namespace, ObjectNode object) {
        ObjectNode stored = object.deepCopy();
        ofKind(typeKey(type)).put(key(type, namespace, nameOf(stored)), stored);
        record(typeKey(type), null, stored);
    }

    @Override
    public synchronized void replace(ResourceType type, String namespace, String name, ObjectNode object) {
        String key = key(type, namespace, name);
        if (!ofKind(typeKey(type)).containsKey(key)) {
            throw new IllegalStateException(type.resource() + " " + key + " is not stored");
        }
        ObjectNode after = object.deepCopy();
        ObjectNode before = ofKind(typeKey(type)).put(key, after);
        record(typeKey(type), before, after);
        if (after.path("metadata").has("deletionTimestamp") && finalizers(after).isEmpty()) {
            delete(typeKey(type), key);
        }
    }

    @Override
    public synchronized void delete(ResourceType type, String namespace, String name) {
        delete(typeKey(type), key(type, namespace, name));
    }

    @Override
    public synchronized void deleteAllIn(String namespace) {
        for (var kind : objects.entrySet()) {
            for (String key :
                    List.copyOf(inNamespace(kind.getValue(), namespace).keySet())) {
                delete(kind.getKey(), key);
            }
        }
    }

    @Override
    public synchronized long nextResourceVersion() {
        return ++resourceVersion;
    }

    @Override
    public synchronized long currentResourceVersion() {
        return resourceVersion;
    }

    /** Tells the listener every change from now on, as it is stored, before any watch hears of it. */
    synchronized void onChange(Consumer<WatchStream.Change> listener) {
        listeners.add(listener);
    }

    /**
     * Starts a watch: with no resourceVersion, every matching object as ADDED; with one, every change after it,
     * or 410 Gone when those changes are no longer kept.
     */
    @Override
    public synchronized void open(WatchStream stream) {
        long since = stream.sinceResourceVersion();
        if (since == 0) {
            for (ObjectNode object : candidates(stream.typeKey(), stream.filter())) {
                if (stream.filter().matches(object)) {
                    stream.existing(object);
                }
            }
        } else if (since < forgottenUpTo) {
            stream.expired(forgottenUpTo);
            return;
        } else {
            history.stream().filter(change -> change.resourceVersion() > since).forEach(stream::changed);
        }
        watches.add(stream);
    }

    @Override
    public synchronized void close(WatchStream stream) {
        watches.remove(stream);
    }

    /** Closes every open watch, as the API shuts down or restarts; answers how many were open. */
    int closeWatches() {
        List<WatchStream> open;
        synchronized (this) {
            open = List.copyOf(watches);
        }
        open.forEach(WatchStream::shutDown);
        return open.size();
    }

    /** Removes an object without finalizers; one with finalizers is only marked with a deletionTimestamp. */
    private void delete(String typeKey, String key) {
        NavigableMap<String, ObjectNode> ofKind = ofKind(typeKey);
        ObjectNode current = ofKind.get(key);
        if (current == null) {
            return;
        }
        if (finalizers(current).isEmpty()) {
            ofKind.remove(key);
            // Kubernetes gives a deletion a resourceVersion of its own; watchers get the object with it
            ObjectNode deleted = current.deepCopy();
            KubeJson.child(deleted, "metadata").put("resourceVersion", String.valueOf(nextResourceVersion()));
            record(typeKey, deleted, null);
        } else if (!current.path("metadata").has("deletionTimestamp")) {
            ObjectNode marked = current.deepCopy();
            KubeJson.child(marked, "metadata")
                    .put("deletionTimestamp", KubeJson.now())
                    .put("resourceVersion", String.valueOf(nextResourceVersion()));
            ofKind.put(key, marked);
            record(typeKey, current, marked);
        }
    }

    /** Tells the open watches of the kind and keeps the change for watches that start from an older version. */
    private void record(String typeKey, ObjectNode before, ObjectNode after) {
        ObjectNode versioned = after != null ? after : before;
        long version = versioned.path("metadata").path("resourceVersion").asLong(resourceVersion);
        WatchStream.Change change = new WatchStream.Change(version, typeKey, before, after);
        listeners.forEach(listener -> listener.accept(change));
        watches.forEach(stream -> stream.changed(change));
        history.addLast(change);
        if (history.size() > historySize) {
            forgottenUpTo = history.removeFirst().resourceVersion();
        }
    }

    private Collection<ObjectNode> candidates(ResourceType type, ObjectFilter filter) {
        return candidates(typeKey(type), filter);
    }

    private Collection<ObjectNode> candidates(String typeKey, ObjectFilter filter) {
        NavigableMap<String, ObjectNode> ofKind = objects.getOrDefault(typeKey, new TreeMap<>());
        if (filter.name().isPresent()) {
            ObjectNode named =
                    ofKind.get(filter.namespace() + "/" + filter.name().get());
            if (named != null || !filter.namespace().isEmpty()) {
                return named == null ? List.of() : List.of(named);
            }
        }
        return filter.namespace().isEmpty()
                ? ofKind.values()
                : inNamespace(ofKind, filter.namespace()).values();
    }

    private static NavigableMap<String, ObjectNode> inNamespace(
            NavigableMap<String, ObjectNode> ofKind, String namespace) {
        // every key of the namespace starts with "namespace/"; '0' is the character after '/'
        return ofKind.subMap(namespace + "/", true, namespace + "0", false);
    }

    private NavigableMap<String, ObjectNode> ofKind(String typeKey) {
        return objects.computeIfAbsent(typeKey, key -> new TreeMap<>());
    }

    static String typeKey(ResourceType type) {
        return type.apiVersion() + "/" + type.kind();
    }

    private static String key(ResourceType type, String namespace, String name) {
        return (type.namespaced() ? namespace : "") + "/" + name;
    }

    private static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static JsonNode finalizers(JsonNode object) {
        return object.path("metadata").path("finalizers");
    }
}
