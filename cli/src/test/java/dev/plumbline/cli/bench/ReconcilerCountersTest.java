package dev.plumbline.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcilerCountersTest {

    private static final String METRICS = """
            # TYPE plumbline_reconcile_duration_seconds summary
            plumbline_reconcile_duration_seconds_count{result="ok"} 1000.0
            plumbline_reconcile_duration_seconds_sum{result="ok"} 81.5
            plumbline_reconcile_duration_seconds_count{result="failed"} 2.0
            # TYPE plumbline_sync_objects_total counter
            plumbline_sync_objects_total{operation="apply",result="ok"} 996.0
            plumbline_sync_objects_total{operation="apply",result="failed"} 4.0
            plumbline_sync_objects_total{operation="prune",result="ok"} 7.0
            plumbline_kube_api_requests_total{verb="patch"} 1200.0
            """;

    @Test
    void countsEveryReconcileAndEveryObjectApplied() {
        ReconcilerCounters.Counts counts = ReconcilerCounters.parse(METRICS);

        assertThat(counts.reconciles()).isEqualTo(1002.0);
        assertThat(counts.applied()).isEqualTo(1000.0);
    }

    @Test
    void aCounterWithoutLabelsCountsToo() {
        assertThat(ReconcilerCounters.parse("plumbline_reconcile_duration_seconds_count 12.0\n")
                        .reconciles())
                .isEqualTo(12.0);
    }

    @Test
    void eachInstancesShareOfAPhaseIsWhatItDidInIt() {
        Map<String, ReconcilerCounters.Counts> before = new LinkedHashMap<>();
        before.put("reconciler-1", new ReconcilerCounters.Counts(10, 8));
        Map<String, ReconcilerCounters.Counts> after = new LinkedHashMap<>();
        after.put("reconciler-1", new ReconcilerCounters.Counts(510, 508));
        after.put("reconciler-2", new ReconcilerCounters.Counts(490, 490));

        assertThat(ReconcilerCounters.between(before, after))
                .containsEntry("reconciler-1", new ReconcilerCounters.Counts(500, 500))
                .containsEntry("reconciler-2", new ReconcilerCounters.Counts(490, 490));
    }
}
