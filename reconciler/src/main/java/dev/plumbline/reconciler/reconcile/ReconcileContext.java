package dev.plumbline.reconciler.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.diff.ApplicationDiff;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.SyncStatus;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.apply.ApplyFailure;
import dev.plumbline.reconciler.limits.Refusal;
import dev.plumbline.reconciler.status.Conditions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one reconcile of one app learns, step by step; the closing steps turn it into status and events. */
public final class ReconcileContext {

    private final String app;
    private final ReconcileRequest request;
    private final Instant startedAt = Instant.now();
    private final Conditions conditions = new Conditions();
    private final List<ObjectOutcome> outcomes = new ArrayList<>();
    private boolean stopped;
    private String failedStep;
    private Exception failure;

    Application resource;
    ApplicationSpec spec;
    ManifestsRendered render;
    List<ObjectNode> live = List.of();
    ApplicationDiff diff;
    List<ObjectDiff> objects = List.of();
    SyncStatus syncStatus = SyncStatus.UNKNOWN;
    List<Refusal> refusals = List.of();
    /** Desired objects that exist without Plumbline's marks and that this sync takes over (adoptExisting). */
    Set<ObjectKey> adopting = Set.of();
    /** Desired objects that exist without Plumbline's marks and are not applied, each with why. */
    Map<ObjectKey, String> adoptionRefused = Map.of();

    Sync sync;
    /** The write that failed the sync, as a person reads it; null when none did. */
    ApplyFailure syncFailure;

    /**
     * A sync this reconcile carries out.
     *
     * @param id          shared by its apply actions
     * @param trigger     what started it
     * @param initiatedBy plumbline, or the person who asked
     * @param token       the annotation token it answers; null otherwise
     */
    public record Sync(String id, SyncTrigger trigger, String initiatedBy, String token) {}

    public ReconcileContext(String app, ReconcileRequest request) {
        this.app = app;
        this.request = request;
    }

    public String app() {
        return app;
    }

    public ReconcileRequest request() {
        return request;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Conditions conditions() {
        return conditions;
    }

    /** What the sync did to each object, in order; they become apply actions numbered 1..n. */
    public List<ObjectOutcome> outcomes() {
        return outcomes;
    }

    /** One object's part in a sync. */
    public record ObjectOutcome(ObjectIdentity object, ApplyOperation operation, ApplyResult result, String error) {}

    /** How many objects the sync wrote with this operation. */
    int succeeded(ApplyOperation operation) {
        return (int) outcomes.stream()
                .filter(o -> o.result() == ApplyResult.SUCCEEDED && o.operation() == operation)
                .count();
    }

    /** A sync with refused objects applies nothing: one refused object refuses the whole sync. */
    boolean syncRefused() {
        return sync != null && !refusals.isEmpty();
    }

    /** Ends the steps early: nothing more to do. The closing steps still run. */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }

    void fail(String step, Exception cause) {
        if (failure == null) {
            failedStep = step;
            failure = cause;
        }
        stopped = true;
    }

    /** How the reconcile ended, from what its steps recorded so far; a failed step outweighs the rest. */
    public ReconcileOutcome outcome() {
        if (failure != null) {
            return new ReconcileOutcome.StepFailed(failedStep, failure, sync);
        }
        if (sync == null) {
            return new ReconcileOutcome.NoSync();
        }
        if (syncRefused()) {
            return new ReconcileOutcome.Refused(sync, refusals);
        }
        if (syncFailure != null) {
            return new ReconcileOutcome.SyncFailed(sync, syncFailure);
        }
        return new ReconcileOutcome.Synced(
                sync,
                succeeded(ApplyOperation.APPLY) + succeeded(ApplyOperation.ADOPT),
                succeeded(ApplyOperation.PRUNE));
    }
}
