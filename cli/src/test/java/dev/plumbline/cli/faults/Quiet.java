package dev.plumbline.cli.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/** Waits until something that grows (a journal's length, a topic's records) has stopped growing for a while. */
final class Quiet {

    private Object last;
    private Instant changedAt = Instant.now();

    private Quiet() {}

    /**
     * Returns once {@code signal} kept its value for {@code still}; fails after {@code atMost}, so a system that never
     * settles ends the row instead of holding the suite.
     */
    static void settle(Supplier<?> signal, Duration still, Duration atMost) {
        Quiet quiet = new Quiet();
        await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).until(() -> quiet.stillFor(signal.get(), still));
    }

    private boolean stillFor(Object value, Duration still) {
        if (!Objects.equals(value, last)) {
            last = value;
            changedAt = Instant.now();
            return false;
        }
        return Duration.between(changedAt, Instant.now()).compareTo(still) >= 0;
    }
}
