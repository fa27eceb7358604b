package dev.plumbline.reconciler.reconcile;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The cluster's namespaces, from one informer: whether a namespace exists without a GET ({@code CreateNamespace}),
 * and the apps whose sync failed because their namespace was missing, reconciled again the moment it is created
 * rather than at their next retry.
 */
@ApplicationScoped
public class NamespaceWatch {

    private final KubernetesClient client;
    private final Set<AppWait> waiting = ConcurrentHashMap.newKeySet();
    private volatile SharedIndexInformer<Namespace> informer;
    private volatile Consumer<String> retry = app -> {};

    private record AppWait(String namespace, String app) {}

    @Inject
    public NamespaceWatch(KubernetesClient client) {
        this.client = client;
    }

    /** Starts watching once; {@code retryApp} is told of each app whose namespace has just been created. */
    public synchronized void start(Consumer<String> retryApp) {
        this.retry = retryApp;
        if (informer != null) {
            return;
        }
        SharedIndexInformer<Namespace> namespaces = client.namespaces().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Namespace namespace) {
                created(namespace.getMetadata().getName());
            }

            // only a creation can let a waiting sync pass
            @Override
            public void onUpdate(Namespace before, Namespace after) {}

            @Override
            public void onDelete(Namespace namespace, boolean finalStateUnknown) {}
        });
        informer = namespaces;
    }

    /** Whether the namespace exists, as the watch last saw it; false before the watch has started. */
    public boolean exists(String namespace) {
        SharedIndexInformer<Namespace> namespaces = informer;
        return namespaces != null && namespaces.getStore().getByKey(namespace) != null;
    }

    /** The app's sync waits for the namespace: it is reconciled again when the namespace appears. */
    public void await(String namespace, String app) {
        waiting.add(new AppWait(namespace, app));
        if (exists(namespace)) {
            // created between the failed write and now: its event may already have passed
            created(namespace);
        }
    }

    private void created(String namespace) {
        for (AppWait wait : waiting) {
            if (wait.namespace().equals(namespace) && waiting.remove(wait)) {
                retry.accept(wait.app());
            }
        }
    }

    @PreDestroy
    void stop() {
        if (informer != null) {
            informer.close();
        }
    }
}
