package dev.plumbline.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HeldRequestsTest {

    @Test
    void requestsHeldForAnAppRunOnceMergedWhenItIsReadyAndTheirCallersHearWhenThatRunEnds() {
        HeldRequests held = new HeldRequests();
        CompletableFuture<Void> render = held.hold("shop", ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED));
        CompletableFuture<Void> live = held.hold("shop", ReconcileRequest.of(ReconcileReason.LIVE_CHANGED));
        CompletableFuture<Void> elsewhere = held.hold("web", ReconcileRequest.of(ReconcileReason.RETRY));
        Map<String, ReconcileRequest> submitted = new HashMap<>();
        CompletableFuture<Void> reconcile = new CompletableFuture<>();

        held.release("shop"::equals, (app, request) -> {
            assertThat(submitted.put(app, request)).as("one run for %s", app).isNull();
            return reconcile;
        });

        assertThat(submitted).containsOnly(Map.entry("shop", ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED)));
        assertThat(render).as("until the reconcile ends").isNotDone();
        reconcile.complete(null);
        assertThat(render).isDone();
        assertThat(live).isDone();
        assertThat(elsewhere).as("an app whose partition is still read back").isNotDone();

        held.release(app -> true, (app, request) -> CompletableFuture.completedFuture(null));
        assertThat(elsewhere).isDone();
    }
}
