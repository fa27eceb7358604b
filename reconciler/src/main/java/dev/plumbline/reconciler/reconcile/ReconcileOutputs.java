package dev.plumbline.reconciler.reconcile;

import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.DiffComputed;
import java.util.List;

/** Where a reconcile's findings go: the {@code diff-results} and {@code apply-actions} topics in the service. */
public interface ReconcileOutputs {

    void diff(DiffComputed diff);

    void actions(List<ApplyAction> actions);
}
