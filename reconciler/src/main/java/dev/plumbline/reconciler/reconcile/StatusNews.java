package dev.plumbline.reconciler.reconcile;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.application.ApplicationStatusModel.Condition;
import dev.plumbline.reconciler.application.ApplicationStatusModel.DriftSummary;
import dev.plumbline.reconciler.drift.DriftSummaries;
import dev.plumbline.reconciler.ignored.IgnoredCommit;
import dev.plumbline.reconciler.ignored.RefusedCommit;
import dev.plumbline.reconciler.status.ConditionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What other services said about an app since its last reconcile, for its status: drift alerts become the drift
 * summary, ignored commits the {@code CommitIgnored} condition, refused commits the {@code UnsignedCommit} condition.
 * Each starts from what the status already shows, so they survive a restart of the reconciler.
 */
@ApplicationScoped
public class StatusNews {

    @Inject
    DriftAlertInbox driftAlerts;

    @Inject
    IgnoredCommitInbox commitEvents;

    @Inject
    CommitVerdicts commitVerdicts;

    @Inject
    DesiredStates renders;

    /** The drift summary after the alerts heard since the last reconcile. */
    DriftSummary drift(ReconcileContext context) {
        ApplicationStatusModel status = context.resource.getStatus();
        return DriftSummaries.next(status == null ? null : status.drift, driftAlerts.take(context.app()));
    }

    /** Sets the {@code CommitIgnored} condition while the newest ignored commit is newer than the latest render. */
    void ignoredCommit(ReconcileContext context) {
        ApplicationStatusModel status = context.resource.getStatus();
        Instant lastRender = renders.desiredState()
                .get(context.app())
                .flatMap(state -> state.rendered())
                .map(ManifestsRendered::time)
                .orElse(null);
        IgnoredCommit shown = IgnoredCommit.inForce(
                status == null ? null : status.conditions, commitEvents.take(context.app()), lastRender);
        if (shown != null) {
            context.conditions().set(ConditionType.CommitIgnored, shown.reason(), shown.message(), shown.since());
        }
    }

    /**
     * Sets the {@code UnsignedCommit} condition while the latest commit on the app's branch is refused to it and its
     * project still requires signed commits. An app whose spec cannot be read keeps what its status shows.
     */
    void unsignedCommit(ReconcileContext context) {
        ApplicationStatusModel status = context.resource.getStatus();
        List<Condition> shown = status == null ? null : status.conditions;
        Optional<RefusedCommit> refused = context.spec == null
                ? RefusedCommit.inForce(shown, Optional.empty(), true)
                : RefusedCommit.inForce(
                        shown,
                        commitVerdicts.latest(
                                context.app(),
                                context.spec.sourceSpec().repoUrl(),
                                context.spec.sourceSpec().targetRevision()),
                        context.spec.projectPolicy().requiresSignedCommits());
        refused.ifPresent(commit -> context.conditions()
                .set(ConditionType.UnsignedCommit, commit.reason(), commit.message(), commit.since()));
    }
}
