package dev.plumbline.sandbox.kube;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault the API plays now, if any: every request answered with an error status, or every request left
 * unanswered (a hang), until the window ends or the fault is cleared. A new fault replaces the one before.
 */
final class FaultSwitch {

    /** One fault: {@code status} 0 for a hang. */
    record Fault(int status, long untilNanos) {
        boolean hang() {
            return status == 0;
        }

        boolean active() {
            return System.nanoTime() - untilNanos < 0;
        }

        Duration remaining() {
            return Duration.ofNanos(Math.max(0, untilNanos - System.nanoTime()));
        }
    }

    private static final Fault NONE = new Fault(-1, System.nanoTime());

    private final List<Runnable> hangEndListeners = new CopyOnWriteArrayList<>();
    private volatile Fault current = NONE;

    /** Answers every request with {@code status} from now for {@code duration}. */
    void failFor(Duration duration, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException(
                    "the status of a fault must be an HTTP error, 400 to 599, not " + status);
        }
        replace(new Fault(status, System.nanoTime() + duration.toNanos()));
    }

    /** Leaves every request unanswered from now for {@code duration}. */
    void hangFor(Duration duration) {
        replace(new Fault(0, System.nanoTime() + duration.toNanos()));
    }

    void clear() {
        replace(NONE);
    }

    /** The status every request is answered with now, or 0 when none. */
    int failureStatus() {
        Fault fault = current;
        return !fault.hang() && fault.status() > 0 && fault.active() ? fault.status() : 0;
    }

    /** The fault in force now, if it is a hang. */
    Optional<Fault> hang() {
        Fault fault = current;
        return fault.hang() && fault.active() ? java.util.Optional.of(fault) : java.util.Optional.empty();
    }

    /** The fault in force now, if any. */
    Optional<Fault> active() {
        Fault fault = current;
        return fault != NONE && fault.active() ? java.util.Optional.of(fault) : java.util.Optional.empty();
    }

    /** Told when a hang ends before its time, because it was cleared or replaced, so held requests are let go. */
    void onHangCut(Runnable listener) {
        hangEndListeners.add(listener);
    }

    private void replace(Fault next) {
        Fault before = current;
        current = next;
        if (before.hang() && before.active()) {
            hangEndListeners.forEach(Runnable::run);
        }
    }
}
