package dev.plumbline.reconciler.reconcile;

import dev.plumbline.reconciler.apply.ApplyFailure;
import dev.plumbline.reconciler.limits.Refusal;
import dev.plumbline.reconciler.reconcile.ReconcileContext.Sync;
import java.util.List;

/**
 * How a reconcile ended, which decides its metric, its status and whether it is retried. Java 17 has no pattern
 * matching in {@code switch}, so each case names its {@link Kind}: a {@code switch} expression over {@link #kind()}
 * is checked for exhaustiveness by the compiler, and within a case the cast to that kind's record is safe.
 */
public sealed interface ReconcileOutcome {

    /** One constant per case. */
    enum Kind {
        NO_SYNC,
        SYNCED,
        REFUSED,
        SYNC_FAILED,
        STEP_FAILED
    }

    Kind kind();

    /** Whether the reconcile counts as failed: a failed write or a failed step; a refused sync does not. */
    default boolean failed() {
        return kind() == Kind.SYNC_FAILED || kind() == Kind.STEP_FAILED;
    }

    /**
     * No sync was carried out: the app is gone or unreadable, has no render yet, has nothing to change, is manual
     * and nobody asked, or a request was turned down (a paused self-heal, a revision not rendered).
     */
    record NoSync() implements ReconcileOutcome {
        @Override
        public Kind kind() {
            return Kind.NO_SYNC;
        }
    }

    /** Every write of the sync passed. */
    record Synced(Sync sync, int applied, int pruned) implements ReconcileOutcome {
        @Override
        public Kind kind() {
            return Kind.SYNCED;
        }
    }

    /** Nothing was applied because these objects are outside what the Application may touch. */
    record Refused(Sync sync, List<Refusal> refusals) implements ReconcileOutcome {
        public Refused {
            refusals = List.copyOf(refusals);
        }

        @Override
        public Kind kind() {
            return Kind.REFUSED;
        }
    }

    /** A write of the sync failed, and the writes after it were skipped; its cause decides the retry. */
    record SyncFailed(Sync sync, ApplyFailure failure) implements ReconcileOutcome {
        @Override
        public Kind kind() {
            return Kind.SYNC_FAILED;
        }
    }

    /**
     * A step threw, which ends the steps; retried with backoff.
     *
     * @param sync the sync under way when it did; null when none was
     */
    record StepFailed(String step, Exception cause, Sync sync) implements ReconcileOutcome {
        @Override
        public Kind kind() {
            return Kind.STEP_FAILED;
        }

        /** Which step failed and why, as a status message says it. */
        public String message() {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return "step " + step + " failed: " + message;
        }
    }
}
