package dev.plumbline.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.reconciler.apply.ApplyFailure;
import dev.plumbline.reconciler.limits.Refusal;
import dev.plumbline.reconciler.reconcile.ReconcileContext.ObjectOutcome;
import dev.plumbline.reconciler.reconcile.ReconcileContext.Sync;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.Kind;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.Refused;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.StepFailed;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.SyncFailed;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.Synced;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcileOutcomeTest {

    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");
    private static final ObjectIdentity OLD = ObjectIdentity.namespaced("v1", "ConfigMap", "shop", "old");
    private static final Sync SYNC = new Sync("s-1", SyncTrigger.AUTOMATED, "plumbline", null);
    private static final ApplyFailure FORBIDDEN =
            new ApplyFailure("Deployment shop/web was not applied: forbidden", ApplyFailure.Cause.FORBIDDEN, null);

    private final ReconcileContext context =
            new ReconcileContext("shop", ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED));

    @Test
    void aReconcileWithoutASyncEndsWithoutOneAndIsNoFailure() {
        assertThat(context.outcome().kind()).isEqualTo(Kind.NO_SYNC);
        assertThat(context.outcome().failed()).isFalse();
    }

    @Test
    void aSyncWhoseWritesAllPassedCountsWhatItAppliedAndPruned() {
        context.sync = SYNC;
        context.outcomes().add(new ObjectOutcome(WEB, ApplyOperation.APPLY, ApplyResult.SUCCEEDED, null));
        context.outcomes().add(new ObjectOutcome(OLD, ApplyOperation.PRUNE, ApplyResult.SUCCEEDED, null));

        assertThat(context.outcome()).isEqualTo(new Synced(SYNC, 1, 1));
        assertThat(context.outcome().failed()).isFalse();
    }

    @Test
    void aSyncWithRefusedObjectsIsRefusedNotFailed() {
        context.sync = SYNC;
        context.refusals = List.of(new Refusal(WEB, "namespace shop is outside the destination"));

        assertThat(context.outcome()).isEqualTo(new Refused(SYNC, context.refusals));
        assertThat(context.outcome().failed()).isFalse();
    }

    @Test
    void refusalsWithoutASyncAreNoSync() {
        context.refusals = List.of(new Refusal(WEB, "namespace shop is outside the destination"));

        assertThat(context.outcome().kind()).isEqualTo(Kind.NO_SYNC);
    }

    @Test
    void aFailedWriteFailsTheSyncWithItsSentence() {
        context.sync = SYNC;
        context.outcomes().add(new ObjectOutcome(WEB, ApplyOperation.APPLY, ApplyResult.FAILED, FORBIDDEN.sentence()));
        context.syncFailure = FORBIDDEN;

        assertThat(context.outcome()).isEqualTo(new SyncFailed(SYNC, FORBIDDEN));
        assertThat(context.outcome().failed()).isTrue();
    }

    @Test
    void aFailedStepOutweighsAFailedWriteAndKeepsTheSyncUnderWay() {
        IllegalStateException cause = new IllegalStateException("CRD widgets.example.com not Established");
        context.sync = SYNC;
        context.syncFailure = FORBIDDEN;
        context.fail("apply", cause);
        context.fail("prune", new IllegalStateException("later"));

        assertThat(context.outcome()).isEqualTo(new StepFailed("apply", cause, SYNC));
        assertThat(((StepFailed) context.outcome()).message())
                .isEqualTo("step apply failed: CRD widgets.example.com not Established");
        assertThat(context.outcome().failed()).isTrue();
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType() {
        context.fail("read-live-objects", new NullPointerException());

        assertThat(((StepFailed) context.outcome()).message())
                .isEqualTo("step read-live-objects failed: NullPointerException");
        assertThat(((StepFailed) context.outcome()).sync()).isNull();
    }
}
