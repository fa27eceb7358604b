package dev.plumbline.driftauditor.drift;

import dev.plumbline.driftauditor.config.DriftAuditorConfig;
import dev.plumbline.driftauditor.watch.KubeWatcher;
import dev.plumbline.driftauditor.watch.LiveObjectCache;
import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.servicekit.applications.ApplicationChanges;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The drift side of the service put together: the watches, the cache, the rules and their loop, the timers and the
 * periodic full comparison. Listeners and endpoints talk to it; it hands everything to the loop.
 */
@ApplicationScoped
public class DriftService implements ApplicationChanges {

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    DriftAuditorConfig config;

    @Inject
    KubernetesClient client;

    @Inject
    DriftOutputs outputs;

    @Inject
    OwnedApps ownership;

    private final DriftLoop loop = new DriftLoop();
    private final ScheduledExecutorService fullComparisons = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "plumbline-full-comparison");
        thread.setDaemon(true);
        return thread;
    });
    private KubeWatcher watcher;
    private DriftMonitor monitor;

    @PostConstruct
    void start() {
        DriftAuditorConfig.Drift drift = config.drift();
        DriftAuditorConfig.Heal heal = config.heal();
        DriftSettings settings = new DriftSettings(
                drift.settle(),
                new HashSet<>(drift.ownFieldManagers()),
                heal.initialBackoff(),
                heal.backoffFactor(),
                heal.maxBackoff(),
                heal.backoffReset(),
                heal.fightReverts(),
                heal.fightWindow());
        LiveObjectCache cache = new LiveObjectCache(kinds -> watcher.watch(kinds));
        watcher = new KubeWatcher(client, drift.namespaces().orElse(List.of()), loop::submit, cache);
        monitor = new DriftMonitor(settings, Clock.systemUTC(), cache, outputs, ownership::owns);
        watcher.monitor(monitor);
        loop.every(drift.timerResolution(), monitor::tick);
        long period = drift.fullComparisonInterval().toMillis();
        fullComparisons.scheduleWithFixedDelay(this::compareAll, period, period, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        fullComparisons.shutdownNow();
        if (watcher != null) {
            watcher.close();
        }
        loop.close();
    }

    /** The drift rules of an app follow its spec: its drift mode, ignore rules and self-heal pause. */
    @Override
    public void changed(String app, Optional<ApplicationSpec> spec, ApplicationCatalog catalog) {
        loop.submit(() -> monitor.specChanged(app, spec.orElse(null)));
    }

    public void desiredChanged(String app, ManifestsRendered rendered) {
        loop.submit(() -> monitor.desiredChanged(app, rendered));
    }

    public void applied(ApplyAction action) {
        loop.submit(() -> monitor.applied(action));
    }

    /**
     * Forgets the desired state of apps whose partition this instance no longer holds, and waits until that is done,
     * so that what it told about them is on its way to the bus before another instance reads it back.
     */
    public void forgetUnowned() {
        loop.ask(
                () -> {
                    monitor.desiredApps().stream()
                            .filter(app -> !ownership.owns(app))
                            .forEach(app -> monitor.desiredChanged(app, null));
                    return true;
                },
                ASK_TIMEOUT);
    }

    /** Apps of partitions that came to this instance carry on from what was told about them. */
    public void handedOver(Predicate<String> gained, DriftHistory history) {
        loop.submit(() -> monitor.handedOver(gained, history));
    }

    /** The full comparison now, rather than at its next period. */
    public void compareAll() {
        if (watcher != null) {
            watcher.compareAll();
        }
    }

    /** The app's desired state and current drift, read between two tasks of the loop. */
    public Optional<Snapshot> snapshot(String app) {
        return loop.ask(
                () -> monitor.desired(app).map(desired -> new Snapshot(desired, monitor.currentDrift(app))),
                ASK_TIMEOUT);
    }

    /** An app's desired state and drift at one moment. */
    public record Snapshot(ManifestsRendered desired, List<DriftedObject> drift) {}
}
