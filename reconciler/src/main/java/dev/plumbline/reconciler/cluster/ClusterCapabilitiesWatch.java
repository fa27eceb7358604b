package dev.plumbline.reconciler.cluster;

import dev.plumbline.events.application.ClusterCapabilities;
import dev.plumbline.reconciler.config.ReconcilerConfig;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The destination cluster's version and served API versions, read once at start and kept fresh: again every
 * {@code plumbline.kube.capabilities-refresh}, and at once when a CustomResourceDefinition is added, changed or
 * removed (which is when the served API versions change). Whoever started it hears of every change.
 */
@ApplicationScoped
public class ClusterCapabilitiesWatch {

    private static final Logger LOG = Logger.getLogger(ClusterCapabilitiesWatch.class);
    /** CRD events come in bursts (all of them at start, status updates after a create): one read per burst. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private static final Duration RETRY_WHILE_UNKNOWN = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final ClusterGuard guard;
    private final Duration refreshInterval;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cluster-capabilities");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean readPending = new AtomicBoolean();
    private volatile ClusterCapabilities current;
    private volatile Runnable onChange;
    private SharedIndexInformer<CustomResourceDefinition> crds;

    @Inject
    public ClusterCapabilitiesWatch(KubernetesClient client, ClusterGuard guard, ReconcilerConfig config) {
        this.client = client;
        this.guard = guard;
        this.refreshInterval = config.kube().capabilitiesRefresh();
    }

    /**
     * Reads the cluster now and keeps reading it. A cluster that cannot be read yet leaves the capabilities unknown
     * (charts then see Helm's defaults) and is read again every 30 s until it can be. Called again, it does nothing.
     *
     * @param changed run after each change, on a thread of this watch
     */
    public synchronized void start(Runnable changed) {
        if (onChange != null) {
            return;
        }
        onChange = changed;
        refresh();
        crds = client.apiextensions().v1().customResourceDefinitions().runnableInformer(0);
        crds.exceptionHandler((started, failure) -> true);
        crds.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(CustomResourceDefinition crd) {
                readSoon();
            }

            @Override
            public void onUpdate(CustomResourceDefinition before, CustomResourceDefinition after) {
                readSoon();
            }

            @Override
            public void onDelete(CustomResourceDefinition crd, boolean finalStateUnknown) {
                readSoon();
            }
        });
        crds.start();
        scheduleNext();
    }

    /** The capabilities as last read; empty until the cluster could be read once. */
    public Optional<ClusterCapabilities> current() {
        return Optional.ofNullable(current);
    }

    /** Reads them again; when they differ from the last read, keeps them and tells whoever started the watch. */
    public void refresh() {
        ClusterCapabilities read;
        try {
            read = guard.call(() -> CapabilitiesReader.read(client));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "cannot read the cluster's version and API versions (%s); %s",
                    e.getMessage(),
                    current == null
                            ? "charts see Helm's defaults until they can be read"
                            : "keeping those read before");
            return;
        }
        ClusterCapabilities before = current;
        if (read.equals(before)) {
            return;
        }
        current = read;
        if (before == null || !before.kubeVersion().equals(read.kubeVersion())) {
            LOG.infof(
                    "the cluster is Kubernetes %s and serves %d API versions",
                    read.kubeVersion(), read.apiVersions().size());
        } else {
            LOG.infof(
                    "the cluster's served API versions changed (%d now); Applications are published again",
                    read.apiVersions().size());
        }
        Runnable changed = onChange;
        if (changed != null) {
            changed.run();
        }
    }

    private void readSoon() {
        if (readPending.compareAndSet(false, true) && !refresher.isShutdown()) {
            refresher.schedule(
                    () -> {
                        readPending.set(false);
                        refresh();
                    },
                    SETTLE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void scheduleNext() {
        if (refresher.isShutdown()) {
            return;
        }
        Duration delay = current == null ? RETRY_WHILE_UNKNOWN : refreshInterval;
        refresher.schedule(
                () -> {
                    refresh();
                    scheduleNext();
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
        if (crds != null) {
            crds.stop();
        }
    }
}
