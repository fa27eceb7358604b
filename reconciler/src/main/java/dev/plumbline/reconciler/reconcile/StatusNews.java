package dev.plumbline.reconciler.reconcile;

import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.application.ApplicationStatusModel.DriftSummary;
import dev.plumbline.reconciler.drift.DriftSummaries;
import dev.plumbline.reconciler.ignored.IgnoredCommit;
import dev.plumbline.reconciler.status.ConditionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * What other services said about an app since its last reconcile, for its status: drift alerts become the drift
 * summary, ignored commits the {@code CommitIgnored} condition. Both start from what the status already shows, so
 * they survive a restart of the reconciler.
 */
@ApplicationScoped
public class StatusNews {

    @Inject
    DriftAlertInbox driftAlerts;

    @Inject
    IgnoredCommitInbox commitEvents;

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
}
