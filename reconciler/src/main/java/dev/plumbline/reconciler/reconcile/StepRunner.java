package dev.plumbline.reconciler.reconcile;

import java.util.List;

/**
 * Runs a reconcile's steps in order until one stops or fails, then the closing steps (status, events) whatever
 * happened: as Flux's {@code reconcile()} does, failures are handled here and nowhere else, by recording which step
 * failed and why on the context, whose {@link ReconcileContext#outcome()} the status and the retry read.
 */
public final class StepRunner {

    private final List<Step> steps;
    private final List<Step> closing;

    public StepRunner(List<Step> steps, List<Step> closing) {
        this.steps = List.copyOf(steps);
        this.closing = List.copyOf(closing);
    }

    public void run(ReconcileContext context) {
        for (Step step : steps) {
            if (context.stopped()) {
                break;
            }
            attempt(step, context);
        }
        for (Step step : closing) {
            attempt(step, context);
        }
    }

    private static void attempt(Step step, ReconcileContext context) {
        try {
            step.run(context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.fail(step.name(), e);
        } catch (Exception e) {
            context.fail(step.name(), e);
        }
    }

    public List<String> names() {
        return steps.stream().map(Step::name).toList();
    }
}
