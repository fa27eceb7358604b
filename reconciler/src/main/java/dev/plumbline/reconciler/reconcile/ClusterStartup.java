package dev.plumbline.reconciler.reconcile;

import dev.plumbline.reconciler.application.ApplicationWatcher;
import dev.plumbline.reconciler.cluster.LiveObjects;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Fills the live-object caches, then starts watching Applications, off the start-up thread so the service starts
 * (and reports its Kafka readiness) while the cluster is away. Applications are watched only once the caches are
 * full: a reconcile needs an Application, so none compares against a half-filled cache. Once the Applications are
 * known, specs left on {@code plumbline.applications} by Applications deleted meanwhile get their tombstones.
 */
@ApplicationScoped
public class ClusterStartup {

    private static final Logger LOG = Logger.getLogger(ClusterStartup.class);
    private static final Duration STALE_SPEC_SWEEP_LIMIT = Duration.ofSeconds(30);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    @Inject
    LiveObjects liveObjects;

    @Inject
    ApplicationWatcher applications;

    @Inject
    Reconciler reconciler;

    @Inject
    StaleSpecSweep staleSpecs;

    @Inject
    NamespaceWatch namespaces;

    @Inject
    OwnedApps ownership;

    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
        // apps of the partitions just gained and read back: their Application events may have come before
        ownership.onGained(owned -> {
            reconciler.releaseHeld();
            applications.all().stream()
                    .map(app -> app.getMetadata().getName())
                    .filter(owned::owns)
                    .forEach(app -> reconciler.submit(app, ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED)));
        });
        starter.execute(this::startWatching);
    }

    private void startWatching() {
        try {
            liveObjects.start(app -> reconciler.submit(app, ReconcileRequest.of(ReconcileReason.LIVE_CHANGED)));
            namespaces.start(app -> reconciler.submit(app, ReconcileRequest.of(ReconcileReason.RETRY)));
            applications.start((app, exists) -> {
                if (exists) {
                    reconciler.submit(app, ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED));
                } else {
                    reconciler.forget(app);
                }
            });
            started = true;
            tombstoneDeletedApplications();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "cannot watch the cluster yet (%s); trying again in %d s", e.getMessage(), RETRY_DELAY.toSeconds());
            if (!starter.isShutdown()) {
                starter.schedule(this::startWatching, RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void tombstoneDeletedApplications() {
        try {
            var stale = staleSpecs.sweep(STALE_SPEC_SWEEP_LIMIT);
            if (!stale.isEmpty()) {
                LOG.infof("published tombstones for Applications deleted while no reconciler watched: %s", stale);
            }
        } catch (RuntimeException e) {
            // Kafka away: until the sweep succeeds, the other services keep serving the deleted apps' specs
            LOG.warnf(
                    "could not look for Applications deleted while no reconciler watched (%s); trying again in "
                            + "%d s",
                    e.getMessage(), RETRY_DELAY.toSeconds());
            if (!starter.isShutdown()) {
                starter.schedule(this::tombstoneDeletedApplications, RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Whether the caches are full and Applications are watched. */
    public boolean started() {
        return started;
    }

    void onStop(@Observes ShutdownEvent event) {
        starter.shutdownNow();
    }
}
