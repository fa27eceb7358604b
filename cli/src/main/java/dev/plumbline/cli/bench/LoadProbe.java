package dev.plumbline.cli.bench;

import dev.plumbline.sandbox.kube.KubeApiControl;
import dev.plumbline.sandbox.kube.TrafficSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches a phase of the bench: each reconciler instance's counters before and after, and the Kubernetes API's
 * requests in flight, sampled while it runs (the sandbox API tells them at {@code GET /sandbox/traffic}; a real
 * cluster does not, and then they are not reported).
 */
final class LoadProbe {

    private static final Duration SAMPLE = Duration.ofMillis(200);

    private final ReconcilerCounters reconcilers;
    private final Optional<KubeApiControl> api;

    LoadProbe(ReconcilerCounters reconcilers, Optional<KubeApiControl> api) {
        this.reconcilers = reconcilers;
        this.api = api;
    }

    /** Runs the phase and returns its load. */
    PhaseLoad measure(Runnable phase) {
        Map<String, ReconcilerCounters.Counts> before = reconcilers.read();
        Optional<TrafficSnapshot> trafficBefore = traffic();
        AtomicLong mostInFlight = new AtomicLong(-1);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-api-sampler");
            thread.setDaemon(true);
            return thread;
        });
        if (trafficBefore.isPresent()) {
            sampler.scheduleWithFixedDelay(
                    () -> traffic().ifPresent(now -> mostInFlight.accumulateAndGet(now.inFlight(), Math::max)),
                    0,
                    SAMPLE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        Instant started = Instant.now();
        try {
            phase.run();
        } finally {
            sampler.shutdownNow();
        }
        Duration wall = Duration.between(started, Instant.now());
        Optional<TrafficSnapshot> trafficAfter = traffic();
        return new PhaseLoad(
                wall,
                ReconcilerCounters.between(before, reconcilers.read()),
                mostInFlight.get() < 0 ? OptionalLong.empty() : OptionalLong.of(mostInFlight.get()),
                trafficAfter.map(now -> OptionalLong.of(now.maxInFlight())).orElse(OptionalLong.empty()),
                appliesBetween(trafficBefore, trafficAfter));
    }

    private static Map<String, Long> appliesBetween(Optional<TrafficSnapshot> before, Optional<TrafficSnapshot> after) {
        Map<String, Long> applies = new LinkedHashMap<>();
        after.ifPresent(now -> now.appliesByInstance()
                .forEach((instance, total) -> applies.put(
                        instance,
                        total
                                - before.map(then -> then.appliesByInstance().getOrDefault(instance, 0L))
                                        .orElse(0L))));
        return applies;
    }

    /** The API's traffic now; empty where the API does not tell (a real cluster) or cannot be reached for a moment. */
    private Optional<TrafficSnapshot> traffic() {
        try {
            return api.map(KubeApiControl::traffic);
        } catch (IllegalStateException unavailable) {
            return Optional.empty();
        }
    }
}
