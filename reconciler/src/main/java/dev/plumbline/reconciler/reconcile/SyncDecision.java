package dev.plumbline.reconciler.reconcile;

import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.application.RequestedSync;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.reconciler.status.ConditionType;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Whether a reconcile carries out a sync, and on whose behalf: a heal from the sync-requests topic, a person's sync
 * annotation, or the automated policy when there is work; and the conditions that say why prunes are withheld or a
 * request was not done.
 */
final class SyncDecision {

    private static final Logger LOG = Logger.getLogger(SyncDecision.class);

    private SyncDecision() {}

    static void decide(ReconcileContext context) {
        var prune = context.diff.prune();
        boolean pruneOn = context.spec.syncPolicy().automated() != null
                && context.spec.syncPolicy().automated().prune();
        if (prune.withheldBecauseEmpty()) {
            context.conditions()
                    .set(
                            ConditionType.PruneWithheld,
                            "EmptyRender",
                            "revision "
                                    + context.render.revision() + " renders no objects; the "
                                    + prune.notInGit().size()
                                    + " object(s) the app owns are kept because spec.syncPolicy.allowEmpty is false");
        } else if (!prune.notInGit().isEmpty() && !pruneOn) {
            context.conditions()
                    .set(
                            ConditionType.PruneWithheld,
                            "PruneDisabled",
                            prune.notInGit().size()
                                    + " object(s) are no longer in Git and are kept because spec.syncPolicy.automated.prune is off: "
                                    + String.join(
                                            ", ",
                                            prune.notInGit().stream()
                                                    .map(o -> ObjectKey.of(o).toString())
                                                    .toList()));
        }
        SyncRequested request = context.request().syncRequest();
        RequestedSync annotation = context.spec.requestedSync();
        String handled = context.resource.getStatus() == null ? null : context.resource.getStatus().handledSyncRequest;
        boolean newAnnotation = annotation != null && !annotation.token().equals(handled);
        if (request != null) {
            if (refusedFromTheTopic(request, context)) {
                return;
            }
            if (context.spec.selfHealPausedAt(Instant.now())) {
                var pause = context.spec.selfHealPause();
                context.conditions()
                        .set(
                                ConditionType.SelfHealPaused,
                                "Paused",
                                "a heal was asked for and not done: "
                                        + "self-heal is paused by " + pause.by()
                                        + (pause.until() == null ? "" : " until " + pause.until())
                                        + (pause.reason().isEmpty() ? "" : " (" + pause.reason() + ")")
                                        + "; remove the plumbline.dev/self-heal-paused-* annotations to resume");
                return;
            }
            if (request.revision() != null && !request.revision().equals(context.render.revision())) {
                context.conditions()
                        .set(
                                ConditionType.RevisionUnavailable,
                                "NotTheLatestRender",
                                "a sync to revision "
                                        + request.revision() + " asked by " + request.requestedBy()
                                        + " was not done: Plumbline "
                                        + "syncs the latest render of "
                                        + context.spec.sourceSpec().targetRevision() + " (revision "
                                        + context.render.revision() + "); to roll back, revert the commit in Git "
                                        + "(plumb app rollback does)");
                return;
            }
            context.sync = new ReconcileContext.Sync(newId(), request.trigger(), request.requestedBy(), null);
        } else if (newAnnotation) {
            context.sync = new ReconcileContext.Sync(newId(), SyncTrigger.MANUAL, annotation.by(), annotation.token());
        } else if (context.spec.syncPolicy().automated() != null
                && context.request().reason().compareTo(ReconcileReason.RETRY) >= 0
                && hasWork(context, pruneOn)) {
            context.sync = new ReconcileContext.Sync(newId(), SyncTrigger.AUTOMATED, "plumbline", null);
        }
    }

    /**
     * Write access to the sync-requests topic must not be a way to sync what the Application's owner did not allow:
     * the topic carries heals, and a heal is done only for an app whose policy has self-heal on. A person's manual
     * sync is the sync annotation, which the API server lets through only with that person's own credentials.
     */
    private static boolean refusedFromTheTopic(SyncRequested request, ReconcileContext context) {
        String refusal = null;
        if (request.trigger() != SyncTrigger.SELF_HEAL) {
            refusal = "a " + request.trigger().label() + " sync asked by " + request.requestedBy()
                    + " on the sync-requests topic was not done: only heals travel there; a manual sync is the"
                    + " plumbline.dev/sync-requested-at annotation, set with your own Kubernetes credentials (plumb"
                    + " app sync sets it)";
        } else if (context.spec.effectiveDriftMode() != DriftMode.HEAL) {
            refusal = "a heal asked by " + request.requestedBy() + " was not done: self-heal is off for this app"
                    + " (its drift mode is " + context.spec.effectiveDriftMode().label()
                    + "; spec.syncPolicy.automated.selfHeal turns it on)";
        }
        if (refusal == null) {
            return false;
        }
        LOG.warnf("app %s: %s", context.spec.app(), refusal);
        context.conditions().set(ConditionType.SyncRequestRefused, "NotAllowedByPolicy", refusal);
        return true;
    }

    private static boolean hasWork(ReconcileContext context, boolean pruneOn) {
        return !context.refusals.isEmpty()
                || context.objects.stream()
                        .anyMatch(diff -> diff.change() == ChangeType.CREATE || diff.change() == ChangeType.UPDATE)
                || pruneOn && !context.diff.prune().toPrune().isEmpty();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
