package dev.plumbline.reconciler.reconcile;

import dev.plumbline.engine.diff.FieldChange;
import dev.plumbline.engine.diff.ObjectDiffer;
import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.engine.inventory.Unproven;
import dev.plumbline.engine.object.ObjectIdentityReader;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.engine.order.ApplyOrder;
import dev.plumbline.engine.order.ApplyWave;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.reconciler.apply.ApplyFailure;
import dev.plumbline.reconciler.apply.Deletion;
import dev.plumbline.reconciler.apply.ForbiddenAsServiceAccount;
import dev.plumbline.reconciler.apply.GainedEntries;
import dev.plumbline.reconciler.apply.Impersonation;
import dev.plumbline.reconciler.apply.ObjectApplier;
import dev.plumbline.reconciler.config.ReconcilerConfig;
import dev.plumbline.reconciler.limits.Refusal;
import dev.plumbline.reconciler.reconcile.ReconcileContext.ObjectOutcome;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** The steps that change the cluster: decide whether to sync ({@link SyncDecision}), apply in waves, prune. */
@ApplicationScoped
public class SyncSteps {

    private static final Logger LOG = Logger.getLogger(SyncSteps.class);

    @Inject
    ObjectApplier applier;

    @Inject
    ReconcilerConfig config;

    @Inject
    NamespaceWatch namespaces;

    List<Step> steps() {
        return List.of(
                Step.of("decide-sync", SyncDecision::decide),
                Step.of("apply", this::apply),
                Step.of("prune", this::prune));
    }

    void apply(ReconcileContext context) throws Exception {
        if (context.sync == null) {
            return;
        }
        if (context.syncRefused()) {
            Map<ObjectKey, Refusal> refused = new HashMap<>();
            context.refusals.forEach(refusal -> refused.put(ObjectKey.of(refusal.object()), refusal));
            for (RenderedObject object : ApplyOrder.forApply(context.render.objects())) {
                Refusal refusal = refused.get(ObjectKey.of(object.identity()));
                context.outcomes()
                        .add(
                                refusal != null
                                        ? new ObjectOutcome(
                                                object.identity(),
                                                ApplyOperation.APPLY,
                                                ApplyResult.REFUSED,
                                                refusal.reason())
                                        : new ObjectOutcome(
                                                object.identity(),
                                                ApplyOperation.APPLY,
                                                ApplyResult.SKIPPED,
                                                "not applied: another object of this sync was refused"));
            }
            return;
        }
        Impersonation as = impersonation(context);
        if (context.spec.syncPolicy().options().createNamespace()) {
            createNamespace(context, as);
        }
        Map<ObjectKey, ObjectDiff> diffs = new HashMap<>();
        context.objects.forEach(diff -> diffs.put(ObjectKey.of(diff.object()), diff));
        List<ObjectIdentity> only = context.request().syncRequest() == null
                ? List.of()
                : context.request().syncRequest().objects();
        ObjectDiffer differ = new ObjectDiffer(new IgnoreRules(context.spec.ignoreDifferences()));
        for (ApplyWave wave : ApplyOrder.waves(context.render.objects())) {
            for (RenderedObject object : wave.objects()) {
                ObjectDiff diff = diffs.get(ObjectKey.of(object.identity()));
                boolean selected = only.isEmpty() || only.stream().anyMatch(o -> o.sameObjectAs(object.identity()));
                if (diff == null || diff.change() == ChangeType.UNCHANGED || !selected) {
                    continue;
                }
                if (context.syncFailure != null) {
                    context.outcomes()
                            .add(new ObjectOutcome(
                                    object.identity(),
                                    ApplyOperation.APPLY,
                                    ApplyResult.SKIPPED,
                                    "not applied: an object before it failed"));
                    continue;
                }
                ObjectKey key = ObjectKey.of(object.identity());
                String adoptionRefused = context.adoptionRefused.get(key);
                if (adoptionRefused != null) {
                    context.outcomes()
                            .add(new ObjectOutcome(
                                    object.identity(),
                                    ApplyOperation.APPLY,
                                    ApplyResult.REFUSED,
                                    adoptionRefused + "; spec.syncPolicy.adoptExisting: true lets this Application"
                                            + " take it over"));
                    continue;
                }
                ApplyOperation operation = context.adopting.contains(key) ? ApplyOperation.ADOPT : ApplyOperation.APPLY;
                applyOne(context, differ, object, diff, operation, as);
            }
            if (wave.prerequisites() && context.syncFailure == null) {
                awaitCrds(context, wave, as);
            }
        }
    }

    /** The CRDs of a wave are established before the objects of their kinds are applied. */
    private void awaitCrds(ReconcileContext context, ApplyWave wave, Impersonation as) {
        for (RenderedObject object : wave.objects()) {
            if (!object.identity().kind().equals("CustomResourceDefinition")) {
                continue;
            }
            try {
                applier.awaitEstablished(object.identity().name(), config.sync().crdEstablishedTimeout(), as);
            } catch (ForbiddenAsServiceAccount e) {
                ApplyFailure failure = ApplyFailure.ofApply(
                        object.identity(), context.spec.destination().namespace(), e);
                failed(context, object.identity(), ApplyOperation.APPLY, e, failure);
                return;
            }
        }
    }

    private void applyOne(
            ReconcileContext context,
            ObjectDiffer differ,
            RenderedObject object,
            ObjectDiff diff,
            ApplyOperation operation,
            Impersonation as) {
        try {
            applier.apply(object, as);
            if (diff.change() == ChangeType.UPDATE) {
                var live = context.live.stream()
                        .filter(o -> ObjectKey.of(o).equals(ObjectKey.of(object.identity())))
                        .findFirst();
                if (live.isPresent()) {
                    List<FieldChange> changes = differ.changes(object.identity(), object.body(), live.get());
                    var removals = GainedEntries.removals(changes, live.get());
                    if (!removals.isEmpty()) {
                        applier.removeGained(object.identity(), removals, as);
                    }
                }
            }
            if (operation == ApplyOperation.ADOPT) {
                LOG.infof(
                        "app %s: adopted %s, which existed without Plumbline's marks",
                        context.app(), object.identity());
            }
            context.outcomes().add(new ObjectOutcome(object.identity(), operation, ApplyResult.SUCCEEDED, null));
        } catch (RuntimeException e) {
            failed(
                    context,
                    object.identity(),
                    operation,
                    e,
                    ApplyFailure.ofApply(
                            object.identity(), context.spec.destination().namespace(), e));
        }
    }

    /**
     * {@code CreateNamespace=true}: the destination namespace is created before anything is applied, when the
     * namespace watch does not know it. It is part of the sync's actions, but not of the app: it is never pruned.
     */
    private void createNamespace(ReconcileContext context, Impersonation as) {
        String name = context.spec.destination().namespace();
        if (namespaces.exists(name)) {
            return;
        }
        ObjectIdentity namespace = ObjectIdentity.clusterScoped("v1", "Namespace", name);
        try {
            applier.applyNamespace(name, as);
            context.outcomes().add(new ObjectOutcome(namespace, ApplyOperation.APPLY, ApplyResult.SUCCEEDED, null));
        } catch (RuntimeException e) {
            failed(context, namespace, ApplyOperation.APPLY, e, ApplyFailure.ofCreateNamespace(name, e));
        }
    }

    /** The sentence goes to the status and the apply action; the API's whole answer only to the log. */
    private static void failed(
            ReconcileContext context,
            ObjectIdentity object,
            ApplyOperation operation,
            RuntimeException cause,
            ApplyFailure failure) {
        if (cause instanceof KubernetesClientException) {
            LOG.warnf("app %s: %s of %s failed: %s", context.app(), operation.label(), object, cause.getMessage());
        } else {
            LOG.warnf(cause, "app %s: %s of %s failed", context.app(), operation.label(), object);
        }
        context.outcomes().add(new ObjectOutcome(object, operation, ApplyResult.FAILED, failure.sentence()));
        context.syncFailure = failure;
    }

    /**
     * Deletes what Git no longer has, in prune order, as the project's ServiceAccounts, each delete naming the UID the
     * sync saw, so an object deleted and created again since is kept. A failed delete stops the prune: the objects
     * after it come earlier in apply order, so the one left behind may still use them (a Deployment its ConfigMap, a
     * custom resource its CRD), and a refusal by the API server means the project's administrator did not grant this
     * app that deletion; the rest are skipped until the next sync. Objects carrying the app's marks without a tracking
     * id naming them are never deleted; each is a skipped prune saying why.
     */
    void prune(ReconcileContext context) {
        var automated = context.spec.syncPolicy().automated();
        boolean selective = context.request().syncRequest() != null
                && !context.request().syncRequest().objects().isEmpty();
        if (context.sync == null
                || context.syncRefused()
                || context.syncFailure != null
                || automated == null
                || !automated.prune()
                || selective) {
            return;
        }
        Impersonation as = impersonation(context);
        for (var live : context.diff.prune().toPrune()) {
            ObjectIdentity object = ObjectIdentityReader.identityOf(live);
            if (context.syncFailure != null) {
                context.outcomes()
                        .add(new ObjectOutcome(
                                object,
                                ApplyOperation.PRUNE,
                                ApplyResult.SKIPPED,
                                "not pruned: the delete of an object before it failed"));
                continue;
            }
            pruneOne(context, object, live.path("metadata").path("uid").asText(), as);
        }
        for (Unproven unproven : context.diff.prune().unproven()) {
            context.outcomes()
                    .add(new ObjectOutcome(
                            ObjectIdentityReader.identityOf(unproven.object()),
                            ApplyOperation.PRUNE,
                            ApplyResult.SKIPPED,
                            "not pruned: " + unproven.reason()));
        }
    }

    private void pruneOne(ReconcileContext context, ObjectIdentity object, String uid, Impersonation as) {
        try {
            Deletion deletion = applier.delete(object, uid, as);
            if (deletion == Deletion.NOT_THE_OBJECT_DECIDED_ON) {
                LOG.infof(
                        "app %s: %s was not pruned: it is no longer the object (uid %s) the sync decided on",
                        context.app(), object, uid);
                context.outcomes()
                        .add(new ObjectOutcome(
                                object,
                                ApplyOperation.PRUNE,
                                ApplyResult.SKIPPED,
                                "not pruned: it was deleted and created again since this sync decided to delete it"
                                        + " (its UID changed), so it is kept; the next sync decides again"));
                return;
            }
            context.outcomes().add(new ObjectOutcome(object, ApplyOperation.PRUNE, ApplyResult.SUCCEEDED, null));
        } catch (RuntimeException e) {
            failed(
                    context,
                    object,
                    ApplyOperation.PRUNE,
                    e,
                    ApplyFailure.ofPrune(object, context.spec.destination().namespace(), e));
        }
    }

    private static Impersonation impersonation(ReconcileContext context) {
        return Impersonation.of(
                context.spec.projectPolicy(), context.spec.destination().namespace());
    }
}
