package dev.plumbline.reconciler.reconcile;

import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.application.Retry;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.reconciler.application.ApplicationStatusModel.SyncRecord;
import dev.plumbline.reconciler.apply.ApplyFailure;
import dev.plumbline.reconciler.apply.ApplyFailure.Retrying;
import dev.plumbline.reconciler.config.ReconcilerConfig;
import dev.plumbline.reconciler.reconcile.ReconcileContext.ObjectOutcome;
import dev.plumbline.reconciler.reconcile.ReconcileContext.Sync;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.Refused;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.StepFailed;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.SyncFailed;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.Synced;
import dev.plumbline.reconciler.status.ConditionType;
import dev.plumbline.reconciler.status.StatusComputer;
import dev.plumbline.reconciler.status.StatusInput;
import dev.plumbline.reconciler.status.StatusWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Reconciles apps: one worker per app at a time, apps in parallel ({@link AppQueue}), each reconcile the named
 * steps of {@link CompareSteps} and {@link SyncSteps}, then, whatever happened, the closing steps: apply actions,
 * status, metrics, and a retry with backoff when the sync failed.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    /** Within the consumer's max.poll.interval.ms (5 minutes), or the group would drop this instance meanwhile. */
    private static final Duration HAND_OVER_WAIT = Duration.ofMinutes(2);

    private final CompareSteps compare;
    private final SyncSteps sync;
    private final ReconcileOutputs publisher;
    private final StatusWriter statusWriter;
    private final StatusNews news;
    private final OwnedApps ownership;
    private final MeterRegistry metrics;
    private final ReconcilerConfig config;
    private final ExecutorService workers;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();
    private final AppQueue queue;
    private final HeldRequests held = new HeldRequests();
    private final StepRunner runner;
    private final NamespaceWatch namespaces;

    @Inject
    public Reconciler(
            CompareSteps compare,
            SyncSteps sync,
            ReconcileOutputs publisher,
            StatusWriter statusWriter,
            StatusNews news,
            OwnedApps ownership,
            MeterRegistry metrics,
            ReconcilerConfig config,
            NamespaceWatch namespaces) {
        this.namespaces = namespaces;
        this.compare = compare;
        this.sync = sync;
        this.publisher = publisher;
        this.statusWriter = statusWriter;
        this.news = news;
        this.ownership = ownership;
        this.metrics = metrics;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(config.sync().workers());
        this.queue = new AppQueue(workers, this::reconcile);
        ownership.onLosing(this::finishBeforeHandOver);
        List<Step> steps = new ArrayList<>(compare.steps());
        steps.addAll(sync.steps());
        this.runner = new StepRunner(
                steps,
                List.of(
                        Step.of("publish-apply-actions", this::publishActions),
                        Step.of("write-status", this::writeStatus)));
    }

    /**
     * @return completes when a reconcile that covered this request is over, or at once for an app another instance
     *         reconciles; held until the app's partition is read back, when this instance just gained it
     */
    public CompletableFuture<Void> submit(String app, ReconcileRequest request) {
        if (ownership.readingBack(app)) {
            return held.hold(app, request);
        }
        if (!ownership.owns(app)) {
            return CompletableFuture.completedFuture(null);
        }
        return queue.submit(app, request);
    }

    /** Runs the requests held while partitions were read back, now that none is. */
    public void releaseHeld() {
        held.release(app -> !ownership.readingBack(app), this::submit);
    }

    public void forget(String app) {
        compare.forget(app);
        failedAttempts.remove(app);
    }

    public boolean idle() {
        return queue.idle();
    }

    /**
     * Lets the reconciles of apps whose partitions are leaving end before another instance may start on them, so that
     * two instances never apply one app at once and an older revision cannot land after the next owner's newer one.
     * Requests still waiting are not run (the app is no longer this instance's).
     */
    private void finishBeforeHandOver(Predicate<String> leaving) {
        try {
            if (!queue.awaitDone(leaving, HAND_OVER_WAIT)) {
                LOG.warnf(
                        "reconciles of apps leaving this instance did not end within %s; the partitions move anyway",
                        HAND_OVER_WAIT);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    void reconcile(String app, ReconcileRequest request) {
        if (!ownership.owns(app)) {
            // queued while this instance held it; its partition has gone to another instance since
            return;
        }
        ReconcileContext context = new ReconcileContext(app, request);
        Timer.Sample sample = Timer.start(metrics);
        runner.run(context);
        ReconcileOutcome outcome = context.outcome();
        sample.stop(metrics.timer("plumbline.reconcile.duration", "result", outcome.failed() ? "failed" : "ok"));
        switch (outcome.kind()) {
            case NO_SYNC, SYNCED, REFUSED -> failedAttempts.remove(app);
            case SYNC_FAILED -> {
                ApplyFailure failure = ((SyncFailed) outcome).failure();
                if (failure.waitingForNamespace() != null) {
                    namespaces.await(failure.waitingForNamespace(), app);
                }
                scheduleRetry(
                        app, context.spec.syncPolicy().retry(), failure.cause().retrying());
            }
            case STEP_FAILED -> {
                StepFailed failed = (StepFailed) outcome;
                LOG.warnf(failed.cause(), "reconcile of app %s: %s", app, failed.message());
                if (context.spec != null) {
                    scheduleRetry(app, context.spec.syncPolicy().retry(), Retrying.LIMITED);
                }
            }
        }
    }

    private void scheduleRetry(String app, Retry retry, Retrying retrying) {
        Retry policy = retry != null
                ? retry
                : new Retry(
                        config.sync().retryLimit(),
                        config.sync().retryBackoff(),
                        2,
                        config.sync().retryMaxBackoff());
        int attempt = failedAttempts.merge(app, 1, Integer::sum);
        Optional<Duration> wait = SyncRetries.wait(attempt, policy, retrying);
        if (wait.isEmpty()) {
            LOG.warnf("app %s: sync failed %d time(s), no more retries until its desired state changes", app, attempt);
            return;
        }
        retries.schedule(
                () -> submit(app, ReconcileRequest.of(ReconcileReason.RETRY)),
                wait.get().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void publishActions(ReconcileContext context) {
        if (context.sync == null || context.outcomes().isEmpty()) {
            return;
        }
        List<ObjectOutcome> outcomes = context.outcomes();
        List<ApplyAction> actions = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            ObjectOutcome outcome = outcomes.get(i);
            actions.add(ApplyAction.of(
                    context.render.correlationId(),
                    context.app(),
                    context.render.revision(),
                    context.sync.id(),
                    context.sync.trigger(),
                    context.sync.initiatedBy(),
                    outcome.object(),
                    outcome.operation(),
                    outcome.result(),
                    outcome.error(),
                    i + 1,
                    outcomes.size()));
            metrics.counter(
                            "plumbline.sync.objects",
                            "operation",
                            outcome.operation().label(),
                            "result",
                            outcome.result().label())
                    .increment();
        }
        publisher.actions(actions);
    }

    void writeStatus(ReconcileContext context) {
        if (context.resource == null) {
            return;
        }
        ReconcileOutcome outcome = context.outcome();
        if (outcome instanceof StepFailed failed) {
            ConditionType type = context.diff == null ? ConditionType.ComparisonFailed : ConditionType.SyncFailed;
            context.conditions().set(type, "Error", failed.message() + "; retried with backoff");
        } else if (outcome instanceof SyncFailed failed) {
            ApplyFailure failure = failed.failure();
            ConditionType type = failure.cause() == ApplyFailure.Cause.FORBIDDEN_AS_SERVICE_ACCOUNT
                    ? ConditionType.Forbidden
                    : ConditionType.SyncFailed;
            context.conditions().set(type, failure.cause().reason(), failure.sentence());
        }
        news.ignoredCommit(context);
        news.unsignedCommit(context);
        boolean compared = context.diff != null;
        StatusInput input = new StatusInput(
                context.resource.getMetadata().getGeneration(),
                context.spec == null ? null : context.spec.projectPolicy().name(),
                compared ? context.syncStatus : null,
                compared ? context.render.revision() : null,
                compared ? context.diff.health() : null,
                compared ? healthMessage(context) : null,
                context.spec == null ? null : context.spec.selfHealPause(),
                syncRecord(context, outcome),
                context.conditions(),
                context.sync == null ? null : context.sync.token(),
                news.drift(context));
        Instant now = Instant.now();
        statusWriter.write(context.resource, StatusComputer.next(context.resource.getStatus(), input, now));
    }

    private static String healthMessage(ReconcileContext context) {
        HealthStatus worst = context.diff.health();
        if (worst == HealthStatus.HEALTHY) {
            return null;
        }
        return context.objects.stream()
                .filter(diff -> diff.health() == worst)
                .findFirst()
                .map(diff -> diff.object() + " is " + worst.label())
                .orElse(null);
    }

    /** The sync's entry in the history; null when the reconcile carried out none. */
    private static SyncRecord syncRecord(ReconcileContext context, ReconcileOutcome outcome) {
        return switch (outcome.kind()) {
            case NO_SYNC -> null;
            case SYNCED -> {
                Synced synced = (Synced) outcome;
                yield syncRecord(
                        context,
                        synced.sync(),
                        ApplyResult.SUCCEEDED,
                        synced.applied() + " applied, " + synced.pruned() + " pruned" + adopted(context));
            }
            case REFUSED -> {
                Refused refused = (Refused) outcome;
                yield syncRecord(context, refused.sync(), ApplyResult.REFUSED, refusedMessage(refused));
            }
            case SYNC_FAILED -> {
                SyncFailed failed = (SyncFailed) outcome;
                yield syncRecord(
                        context,
                        failed.sync(),
                        ApplyResult.FAILED,
                        failed.failure().sentence());
            }
            case STEP_FAILED -> {
                StepFailed failed = (StepFailed) outcome;
                yield failed.sync() == null
                        ? null
                        : syncRecord(context, failed.sync(), ApplyResult.FAILED, failed.message());
            }
        };
    }

    /** Adoptions are counted among the applied objects and named apart, being takeovers of others' objects. */
    private static String adopted(ReconcileContext context) {
        int adopted = context.succeeded(ApplyOperation.ADOPT);
        return adopted == 0 ? "" : " (" + adopted + " adopted from outside Plumbline)";
    }

    /** The first refusal in full, so the history says why without the conditions beside it. */
    private static String refusedMessage(Refused refused) {
        int count = refused.refusals().size();
        return count + " object(s) refused, nothing applied: "
                + refused.refusals().get(0).describe() + (count > 1 ? "; and " + (count - 1) + " more" : "");
    }

    private static SyncRecord syncRecord(ReconcileContext context, Sync sync, ApplyResult result, String message) {
        SyncRecord record = new SyncRecord();
        record.syncId = sync.id();
        record.revision = context.render == null ? null : context.render.revision();
        record.trigger = sync.trigger().label();
        record.initiatedBy = sync.initiatedBy();
        record.startedAt = context.startedAt().toString();
        record.finishedAt = Instant.now().toString();
        record.applied = context.succeeded(ApplyOperation.APPLY) + context.succeeded(ApplyOperation.ADOPT);
        record.pruned = context.succeeded(ApplyOperation.PRUNE);
        record.result = result.label();
        record.message = message;
        return record;
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
        workers.shutdownNow();
    }
}
