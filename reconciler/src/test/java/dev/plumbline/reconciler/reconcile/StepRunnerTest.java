package dev.plumbline.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepRunnerTest {

    private final List<String> ran = new ArrayList<>();

    @Test
    void stepsRunInOrderAndTheClosingStepsRunAfterThem() {
        StepRunner runner = new StepRunner(List.of(record("read"), record("compare")), List.of(record("status")));

        runner.run(context());

        assertThat(ran).containsExactly("read", "compare", "status");
    }

    @Test
    void aFailingStepEndsTheStepsAndIsNamedInTheFailureWhileClosingStepsStillRun() {
        ReconcileContext context = context();
        StepRunner runner = new StepRunner(
                List.of(
                        record("read"),
                        Step.of("apply", c -> {
                            throw new IllegalStateException("the API server said 500");
                        }),
                        record("prune")),
                List.of(record("status")));

        runner.run(context);

        assertThat(ran).containsExactly("read", "status");
        assertThat(context.outcome())
                .isInstanceOfSatisfying(
                        ReconcileOutcome.StepFailed.class,
                        failed -> assertThat(failed.message()).isEqualTo("step apply failed: the API server said 500"));
    }

    @Test
    void aStepThatStopsSkipsTheRestButNotTheClosingSteps() {
        StepRunner runner = new StepRunner(
                List.of(Step.of("read", ReconcileContext::stop), record("compare")), List.of(record("status")));
        ReconcileContext context = context();

        runner.run(context);

        assertThat(ran).containsExactly("status");
        assertThat(context.outcome()).isInstanceOf(ReconcileOutcome.NoSync.class);
    }

    private Step record(String name) {
        return Step.of(name, context -> ran.add(name));
    }

    private static ReconcileContext context() {
        return new ReconcileContext("shop", ReconcileRequest.of(ReconcileReason.DESIRED_CHANGED));
    }
}
