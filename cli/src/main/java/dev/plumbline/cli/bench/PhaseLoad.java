package dev.plumbline.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The work of one phase of the bench: its wall time, what each reconciler instance did in it, and the Kubernetes
 * API's load.
 *
 * @param byInstance each reconciler instance's reconciles and objects applied in the phase, by instance name
 * @param mostInFlight the most API requests in flight seen in the phase (sampled), empty when the API does not tell
 * @param mostInFlightSinceStart the API's own count of the most in flight at once since it started
 * @param appliesByInstance server-side applies in the phase, by the instance that sent them (the API's count)
 */
public record PhaseLoad(
        Duration wall,
        Map<String, ReconcilerCounters.Counts> byInstance,
        OptionalLong mostInFlight,
        OptionalLong mostInFlightSinceStart,
        Map<String, Long> appliesByInstance) {

    /** Reconciles per second of an instance over the phase's wall time. */
    public double reconcilesPerSecond(String instance) {
        return byInstance.get(instance).reconciles() / seconds();
    }

    /** Objects applied per second of an instance over the phase's wall time. */
    public double appliedPerSecond(String instance) {
        return byInstance.get(instance).applied() / seconds();
    }

    /** Each reconciler instance's share and rate, then the API's load, one line each, for printing. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        byInstance.forEach(
                (instance, counts) -> lines.add("%-14s %5.0f reconciles (%.1f/s), %5.0f objects applied (%.1f/s)"
                        .formatted(
                                instance,
                                counts.reconciles(),
                                reconcilesPerSecond(instance),
                                counts.applied(),
                                appliedPerSecond(instance))));
        mostInFlight.ifPresent(most -> lines.add(
                "API requests in flight: at most %d seen (sampled every 200 ms), %d since the API started; applies by instance: %s"
                        .formatted(most, mostInFlightSinceStart.orElse(0), appliesByInstance)));
        return lines;
    }

    private double seconds() {
        return Math.max(wall.toMillis(), 1) / 1000.0;
    }
}
