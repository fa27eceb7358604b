package dev.plumbline.driftauditor.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.inventory.TrackingMarks;
import dev.plumbline.engine.object.ObjectKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Watches every kind any app manages, only objects with Plumbline's tracking label, with fabric8 informers (a list,
 * then a watch that is re-established and re-listed by the client when it breaks). Events are handed to the drift
 * loop; it never writes to the cluster. A kind the API server does not serve yet (a CRD still to be installed) is
 * tried again at the next full comparison.
 */
public final class KubeWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KubeWatcher.class);

    private final KubernetesClient client;
    private final List<String> namespaces;
    private final Executor loop;
    private final LiveObjectCache cache;
    private LiveChanges monitor;
    private final Map<WatchedKind, List<SharedIndexInformer<GenericKubernetesResource>>> informers =
            new ConcurrentHashMap<>();
    private final Set<WatchedKind> wanted = ConcurrentHashMap.newKeySet();

    /** @param namespaces the namespaces to watch; empty for all */
    public KubeWatcher(KubernetesClient client, List<String> namespaces, Executor loop, LiveObjectCache cache) {
        this.client = client;
        this.namespaces = List.copyOf(namespaces);
        this.loop = loop;
        this.cache = cache;
    }

    /** Set once, before anything is watched: the rules told of every change. */
    public void monitor(LiveChanges changes) {
        this.monitor = changes;
    }

    /** Starts watching the kinds not yet watched; returns at once, the kinds are marked synced once listed. */
    public void watch(Collection<WatchedKind> kinds) {
        for (WatchedKind kind : new HashSet<>(kinds)) {
            if (wanted.add(kind) || !informers.containsKey(kind)) {
                start(kind);
            }
        }
    }

    /**
     * The safety net: lists every watched kind afresh, repairs the cache where it disagrees (a missed event), then
     * compares every app. Runs on the caller's thread except for the repair and the comparison.
     */
    public void compareAll() {
        for (WatchedKind kind : Set.copyOf(wanted)) {
            if (!informers.containsKey(kind)) {
                start(kind);
                continue;
            }
            try {
                List<JsonNode> fresh = new ArrayList<>();
                for (FilterWatchListDeletable<
                                GenericKubernetesResource,
                                GenericKubernetesResourceList,
                                Resource<GenericKubernetesResource>>
                        scope : scopes(kind)) {
                    scope.list().getItems().forEach(item -> fresh.add(toJson(item, kind)));
                }
                loop.execute(() -> repair(kind, fresh));
            } catch (RuntimeException e) {
                LOG.warnf("cannot list %s for the full comparison: %s", kind, e.getMessage());
            }
        }
        loop.execute(monitor::compareAll);
    }

    public Set<WatchedKind> watchedKinds() {
        return Set.copyOf(informers.keySet());
    }

    @Override
    public void close() {
        informers.values().forEach(list -> list.forEach(SharedIndexInformer::stop));
        informers.clear();
    }

    private synchronized void start(WatchedKind kind) {
        if (informers.containsKey(kind)) {
            return;
        }
        List<SharedIndexInformer<GenericKubernetesResource>> started = new ArrayList<>();
        try {
            for (FilterWatchListDeletable<
                            GenericKubernetesResource,
                            GenericKubernetesResourceList,
                            Resource<GenericKubernetesResource>>
                    scope : scopes(kind)) {
                SharedIndexInformer<GenericKubernetesResource> informer = scope.runnableInformer(0);
                informer.addEventHandler(new Handler(kind));
                started.add(informer);
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot watch %s (the API server may not serve it yet): %s", kind, e.getMessage());
            return;
        }
        informers.put(kind, started);
        List<java.util.concurrent.CompletableFuture<Void>> syncs = started.stream()
                .map(informer -> informer.start().toCompletableFuture())
                .toList();
        java.util.concurrent.CompletableFuture.allOf(syncs.toArray(java.util.concurrent.CompletableFuture[]::new))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.warnf(
                                "cannot watch %s: %s; trying again at the next full comparison",
                                kind, failure.getMessage());
                        informers.remove(kind).forEach(SharedIndexInformer::stop);
                        return;
                    }
                    loop.execute(() -> synced(kind, started));
                });
    }

    private void synced(WatchedKind kind, List<SharedIndexInformer<GenericKubernetesResource>> started) {
        List<JsonNode> listed = new ArrayList<>();
        started.forEach(informer -> informer.getStore().list().forEach(item -> listed.add(toJson(item, kind))));
        listed.forEach(cache::put);
        cache.markSynced(kind.groupKind());
        monitor.kindSynced(kind.groupKind());
    }

    private void repair(WatchedKind kind, List<JsonNode> fresh) {
        Set<ObjectKey> present = new HashSet<>();
        for (JsonNode body : fresh) {
            present.add(ObjectKey.of(body));
            JsonNode before = cache.put(body);
            if (before == null
                    || !before.path("metadata")
                            .path("resourceVersion")
                            .equals(body.path("metadata").path("resourceVersion"))) {
                monitor.liveChanged(before, body);
            }
        }
        for (ObjectKey key : cache.keysOf(kind.groupKind())) {
            if (!present.contains(key)) {
                monitor.liveChanged(cache.remove(key), null);
            }
        }
    }

    private List<
                    FilterWatchListDeletable<
                            GenericKubernetesResource,
                            GenericKubernetesResourceList,
                            Resource<GenericKubernetesResource>>>
            scopes(WatchedKind kind) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
                resources = client.genericKubernetesResources(kind.apiVersion(), kind.kind());
        if (namespaces.isEmpty()) {
            return List.of(resources
                    .inAnyNamespace()
                    .withLabel(TrackingMarks.MANAGED_BY_LABEL, TrackingMarks.MANAGED_BY_VALUE));
        }
        return namespaces.stream()
                .map(namespace -> resources
                        .inNamespace(namespace)
                        .withLabel(TrackingMarks.MANAGED_BY_LABEL, TrackingMarks.MANAGED_BY_VALUE))
                .toList();
    }

    private JsonNode toJson(GenericKubernetesResource resource, WatchedKind kind) {
        ObjectNode body = client.getKubernetesSerialization().convertValue(resource, ObjectNode.class);
        // items of a list may come without their kind and version
        if (!body.hasNonNull("apiVersion")) {
            body.put("apiVersion", kind.apiVersion());
        }
        if (!body.hasNonNull("kind")) {
            body.put("kind", kind.kind());
        }
        return body;
    }

    private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {

        private final WatchedKind kind;

        Handler(WatchedKind kind) {
            this.kind = kind;
        }

        @Override
        public void onAdd(GenericKubernetesResource resource) {
            changed(resource);
        }

        @Override
        public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
            changed(after);
        }

        @Override
        public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
            JsonNode body = toJson(resource, kind);
            loop.execute(() -> {
                JsonNode before = cache.remove(ObjectKey.of(body));
                monitor.liveChanged(before != null ? before : body, null);
            });
        }

        private void changed(GenericKubernetesResource resource) {
            JsonNode body = toJson(resource, kind);
            loop.execute(() -> monitor.liveChanged(cache.put(body), body));
        }
    }
}
