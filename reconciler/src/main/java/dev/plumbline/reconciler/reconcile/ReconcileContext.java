package dev.plumbline.reconciler.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.desired.DesiredState;
import dev.plumbline.engine.diff.ApplicationDiff;
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

/** What one reconcile of one app learns, step by step; the closing steps turn it into status and events. */
public final class ReconcileContext {

    private final String app;
    private final ReconcileRequest request;
    private final Instant startedAt = Instant.now();
    private final Conditions conditions = new Conditions();
    private final List<Outcome> outcomes = new ArrayList<>();
    private String currentStep;
    private boolean stopped;
    private String failedStep;
    private Exception failure;

    Application resource;
    ApplicationSpec spec;
    DesiredState desired;
    ManifestsRendered render;
    List<ObjectNode> live = List.of();
    ApplicationDiff diff;
    List<ObjectDiff> objects = List.of();
    SyncStatus syncStatus = SyncStatus.UNKNOWN;
    List<Refusal> refusals = List.of();
    Sync sync;
    String syncFailure;
    /** The write that failed the sync, as a person reads it; null when none did (or the sync was refused). */
    ApplyFailure applyFailure;

    /**
     * A sync this reconcile carries out.
     *
     * @param id          shared by its apply actions
     * @param trigger     what started it
     * @param initiatedBy plumbline, or the person who asked
     * @param token       the annotation token it answers; null otherwise
     */
    record Sync(String id, SyncTrigger trigger, String initiatedBy, String token) {
    }

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
    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** One object's part in a sync. */
    public record Outcome(ObjectIdentity object, ApplyOperation operation, ApplyResult result, String error) {
    }

    /** Ends the steps early: nothing more to do. The closing steps still run. */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }

    void enter(String step) {
        currentStep = step;
    }

    public String currentStep() {
        return currentStep;
    }

    void fail(String step, Exception cause) {
        if (failure == null) {
            failedStep = step;
            failure = cause;
        }
        stopped = true;
    }

    public boolean failed() {
        return failure != null;
    }

    /** Which step failed and why, as a status message says it. */
    public String failureMessage() {
        if (failure == null) {
            return null;
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "step " + failedStep + " failed: " + message;
    }

    public Exception failure() {
        return failure;
    }
}
