package dev.plumbline.driftauditor.drift;

import java.time.Duration;
import java.util.Set;

/**
 * The drift rules' settings, apart from the configuration mapping so that the rules are tested without Quarkus.
 *
 * @param settle            how long an unwanted object may be Plumbline's work in progress
 * @param ownFieldManagers  field managers whose writes are Plumbline's own applies
 * @param initialBackoff    the wait before an app's second heal request
 * @param backoffFactor     how much longer each further wait is
 * @param maxBackoff        the longest wait
 * @param backoffReset      quiet time after which an app's backoff starts over
 * @param fightReverts      reverts of one field tolerated within {@code fightWindow}
 * @param fightWindow       the span reverts are counted in
 */
public record DriftSettings(
        Duration settle,
        Set<String> ownFieldManagers,
        Duration initialBackoff,
        int backoffFactor,
        Duration maxBackoff,
        Duration backoffReset,
        int fightReverts,
        Duration fightWindow) {

    public DriftSettings {
        ownFieldManagers = Set.copyOf(ownFieldManagers);
    }

    /** The defaults of the configuration, for tests and the benchmark. */
    public static DriftSettings defaults() {
        return new DriftSettings(
                Duration.ofSeconds(10),
                Set.of("plumbline"),
                Duration.ofSeconds(2),
                3,
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                3,
                Duration.ofMinutes(10));
    }

    public DriftSettings withSettle(Duration newSettle) {
        return new DriftSettings(
                newSettle,
                ownFieldManagers,
                initialBackoff,
                backoffFactor,
                maxBackoff,
                backoffReset,
                fightReverts,
                fightWindow);
    }
}
