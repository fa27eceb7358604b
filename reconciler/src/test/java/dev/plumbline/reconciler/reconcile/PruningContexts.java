package dev.plumbline.reconciler.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.diff.ApplicationDiff;
import dev.plumbline.engine.inventory.PrunePlan;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.application.SyncPolicy;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.SyncStatus;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.util.List;

/** Reconciles that reached the prune step, for tests of what a prune does with the objects it decided on. */
final class PruningContexts {

    private PruningContexts() {}

    /**
     * An automated sync, prune on, of {@code app} from path {@code app} of {@code repo} into {@code namespace} under
     * {@code project}, that decided to delete {@code live} as the informer showed it.
     */
    static ReconcileContext pruning(
            String app, String repo, String namespace, ProjectPolicy project, JsonNode... live) {
        ReconcileContext context = new ReconcileContext(app, ReconcileRequest.of(ReconcileReason.RETRY));
        context.spec = ApplicationSpec.of(
                        app,
                        "plumbline",
                        1,
                        SourceSpec.of(repo, "main", app),
                        Destination.of(namespace),
                        SyncPolicy.automated(true, false),
                        null,
                        List.of(),
                        List.of(),
                        null,
                        null)
                .withProject(project);
        context.sync = new ReconcileContext.Sync("s-1", SyncTrigger.AUTOMATED, "plumbline", null);
        context.diff = new ApplicationDiff(
                List.of(),
                SyncStatus.OUT_OF_SYNC,
                HealthStatus.HEALTHY,
                new PrunePlan(List.of(live), List.of(live), false, List.of()),
                List.of());
        return context;
    }
}
