package dev.plumbline.reconciler.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.inventory.TrackingMarks;
import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.reconciler.config.ReconcilerConfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live objects Plumbline manages, kept by one informer per kind (a list, then a watch), so a reconcile reads
 * memory and sends no GET per object. Only objects with Plumbline's tracking label are kept: that is every object an
 * app owns, across all kinds the cluster serves, so prunes find what Git lost even after a restart. A desired object
 * not labelled (created by someone else) reads as absent from the cache; {@link #readFromServer} finds it, so a sync
 * adopts it only when the Application allows adoption.
 */
@ApplicationScoped
public class LiveObjects {

    private static final String BY_APP = "plumbline-app";

    private final KubernetesClient client;
    private final ApiCatalog catalog;
    private final ClusterGuard guard;
    private final Duration syncTimeout;
    private final Map<GroupKind, SharedIndexInformer<GenericKubernetesResource>> informers = new ConcurrentHashMap<>();
    private final Map<String, GenericKubernetesResource> written = new ConcurrentHashMap<>();
    private volatile Consumer<String> onChange = app -> {};

    @Inject
    public LiveObjects(KubernetesClient client, ApiCatalog catalog, ClusterGuard guard, ReconcilerConfig config) {
        this.client = client;
        this.catalog = catalog;
        this.guard = guard;
        this.syncTimeout = config.kube().cacheSyncTimeout();
    }

    /** Watches every kind the cluster serves; {@code onChange} hears the app of each object that changes. */
    public void start(Consumer<String> appChanged) {
        this.onChange = appChanged;
        catalog.watchable().forEach(this::watch);
    }

    /**
     * The live objects an app owns, with the live counterparts of its desired objects (which may belong to another
     * app, or to none).
     */
    public List<ObjectNode> forApp(String app, Collection<ObjectIdentity> desired) {
        Map<String, GenericKubernetesResource> found = new LinkedHashMap<>();
        for (SharedIndexInformer<GenericKubernetesResource> informer : informers.values()) {
            for (GenericKubernetesResource object : informer.getIndexer().byIndex(BY_APP, app)) {
                found.put(object.getMetadata().getUid(), freshest(object));
            }
        }
        for (ObjectIdentity identity : desired) {
            get(identity).ifPresent(object -> found.put(object.getMetadata().getUid(), object));
        }
        List<ObjectNode> bodies = new ArrayList<>(found.size());
        found.values()
                .forEach(object ->
                        bodies.add(client.getKubernetesSerialization().convertValue(object, ObjectNode.class)));
        return bodies;
    }

    /** The object as last seen, from the cache or from this service's own last write, whichever is newer. */
    public Optional<GenericKubernetesResource> get(ObjectIdentity identity) {
        SharedIndexInformer<GenericKubernetesResource> informer =
                informerFor(identity.groupKind()).orElse(null);
        if (informer == null) {
            return Optional.empty();
        }
        String key = identity.namespace() == null
                        || !catalog.namespaced(identity.groupKind()).orElse(true)
                ? identity.name()
                : Cache.namespaceKeyFunc(identity.namespace(), identity.name());
        GenericKubernetesResource cached = informer.getStore().getByKey(key);
        if (cached != null) {
            return Optional.of(freshest(cached));
        }
        return written.values().stream()
                .filter(object -> sameObject(object, identity))
                .findFirst();
    }

    /**
     * The object as the API server has it now, read with the service's own identity: for a desired object the cache
     * does not hold, which may exist without Plumbline's label. Empty when it does not exist or its kind is not served.
     */
    public Optional<ObjectNode> readFromServer(ObjectIdentity identity) {
        Optional<ResourceType> type = catalog.find(identity.groupKind());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        var resources = client.genericKubernetesResources(type.get().context());
        var named = type.get().namespaced()
                ? resources.inNamespace(identity.namespace()).withName(identity.name())
                : resources.withName(identity.name());
        GenericKubernetesResource found = guard.call(named::get);
        return Optional.ofNullable(found)
                .map(object -> client.getKubernetesSerialization().convertValue(object, ObjectNode.class));
    }

    private static boolean sameObject(GenericKubernetesResource object, ObjectIdentity identity) {
        String apiVersion = object.getApiVersion();
        String group =
                apiVersion == null || !apiVersion.contains("/") ? "" : apiVersion.substring(0, apiVersion.indexOf('/'));
        return identity.kind().equals(object.getKind())
                && identity.group().equals(group)
                && identity.name().equals(object.getMetadata().getName())
                && java.util.Objects.equals(
                        identity.namespace(), object.getMetadata().getNamespace());
    }

    /**
     * Remembers an object this service just wrote, until the watch brings the same version or a newer one, so a
     * reconcile right after a sync does not mistake the cache's older copy for drift and write again.
     */
    public void remember(GenericKubernetesResource object) {
        if (object != null
                && object.getMetadata() != null
                && object.getMetadata().getUid() != null) {
            written.put(object.getMetadata().getUid(), object);
        }
    }

    /** Starts watching a kind the cluster serves now, such as one whose CRD a sync just established. */
    public Optional<SharedIndexInformer<GenericKubernetesResource>> informerFor(GroupKind kind) {
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(kind);
        if (informer != null) {
            return Optional.of(informer);
        }
        return catalog.find(kind).map(this::watch);
    }

    private synchronized SharedIndexInformer<GenericKubernetesResource> watch(ResourceType type) {
        SharedIndexInformer<GenericKubernetesResource> existing = informers.get(type.groupKind());
        if (existing != null) {
            return existing;
        }
        SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(type.context())
                .inAnyNamespace()
                .withLabel(TrackingMarks.MANAGED_BY_LABEL, TrackingMarks.MANAGED_BY_VALUE)
                .runnableInformer(0);
        informer.addIndexers(Map.of(BY_APP, object -> List.of(appOf(object))));
        informer.exceptionHandler((started, failure) -> true);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource object) {
                changed(object);
            }

            @Override
            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
                changed(after);
            }

            @Override
            public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
                written.remove(object.getMetadata().getUid());
                changed(object);
            }
        });
        informers.put(type.groupKind(), informer);
        try {
            informer.start().toCompletableFuture().get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cache of " + type.kind() + " filled", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the cache of " + type.kind() + " did not fill within " + syncTimeout + ": " + e.getMessage(), e);
        }
        return informer;
    }

    private void changed(GenericKubernetesResource object) {
        String app = appOf(object);
        if (!app.isEmpty()) {
            onChange.accept(app);
        }
    }

    private GenericKubernetesResource freshest(GenericKubernetesResource cached) {
        GenericKubernetesResource mine = written.get(cached.getMetadata().getUid());
        if (mine == null) {
            return cached;
        }
        if (version(cached) >= version(mine)) {
            written.remove(cached.getMetadata().getUid());
            return cached;
        }
        return mine;
    }

    private static long version(GenericKubernetesResource object) {
        try {
            return Long.parseLong(object.getMetadata().getResourceVersion());
        } catch (NumberFormatException opaque) {
            return Long.MAX_VALUE;
        }
    }

    private static String appOf(GenericKubernetesResource object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String app = annotations == null ? null : annotations.get(TrackingMarks.APP_ANNOTATION);
        return app == null ? "" : app;
    }

    @PreDestroy
    void stop() {
        informers.values().forEach(SharedIndexInformer::stop);
    }
}
