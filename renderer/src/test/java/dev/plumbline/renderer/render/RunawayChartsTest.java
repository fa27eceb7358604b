package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.render.helm.WorkerLaunch;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts written to never finish: one loops, one allocates without end. Each fails for its own Application only;
 * the renderer keeps its slots and its memory for everyone else.
 */
class RunawayChartsTest {

    private static final ApplicationSpec LOOP = RenderHarness.helmApp("loop", "charts/loop", null);
    private static final ApplicationSpec GOOD = RenderHarness.helmApp("good", "charts/good", null);
    private static final ApplicationSpec HOG = RenderHarness.helmApp("hog", "charts/hog", null);
    private static final ApplicationSpec FLOOD = RenderHarness.helmApp("flood", "charts/flood", null);
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path scratch;

    @Test
    void aChartThatLoopsForeverGivesItsSlotBackAtTheDeadlineSoTheNextRenderStartsAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (RenderHarness harness =
                    new RenderHarness(scratch, Duration.ofSeconds(8), 1, RenderHarness.DEFAULT_HELM)) {
                harness.know(LOOP);
                harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, charts()));

                RenderFailed looped = harness.publisher.failed("loop");
                assertThat(looped.reason()).isEqualTo(RenderFailureReason.TIMEOUT);
                assertThat(looped.message()).contains("charts/loop", "loop", "plumbline.render.timeout");

                harness.know(GOOD);
                harness.coordinator.onCommit(
                        harness.commit(RefUpdateKind.FAST_FORWARD, charts(), "charts/good/Chart.yaml"));

                assertThat(harness.publisher.rendered("good").objects()).hasSize(1);
            }
        });
    }

    @Test
    void aChartBuildingAnEndlessListIsKilledAtTheMemoryLimitAndFailsAloneWhileAGoodChartRenders() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            WorkerLaunch smallWorkers = new WorkerLaunch(64 * MIB, 512 * MIB, 1024 * MIB);
            try (RenderHarness harness = new RenderHarness(scratch, Duration.ofSeconds(45), 2, smallWorkers)) {
                harness.know(HOG, GOOD);
                harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, charts()));

                RenderFailed hog = harness.publisher.failed("hog");
                assertThat(hog.reason()).isEqualTo(RenderFailureReason.RENDER_WORKER_DIED);
                assertThat(hog.message())
                        .contains("charts/hog", "Application hog", "plumbline.render.helm.worker-memory (512 MiB)");
                assertThat(hog.file()).isEqualTo("charts/hog/Chart.yaml");
                assertThat(harness.publisher.rendered("good").objects()).hasSize(1);
            }
        });
    }

    @Test
    void aChartWhoseOutputOverflowsTheWorkerHeapFailsNamingTheExitAndTheSetting() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // room enough outside the heap for Helm's copies of the 64 MiB string (about 1 GiB at its peak), so that
            // the small Java heap, not the memory watchdog, is what the output overflows
            WorkerLaunch smallHeap = new WorkerLaunch(32 * MIB, 2048 * MIB, 1024 * MIB);
            try (RenderHarness harness = new RenderHarness(scratch, Duration.ofSeconds(45), 2, smallHeap)) {
                harness.know(FLOOD, GOOD);
                harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, charts()));

                RenderFailed flood = harness.publisher.failed("flood");
                assertThat(flood.reason()).isEqualTo(RenderFailureReason.RENDER_WORKER_DIED);
                assertThat(flood.message())
                        .contains("Application flood", "Java heap", "exit code 3", "plumbline.render.helm.worker-heap");
                assertThat(harness.publisher.rendered("good").objects()).hasSize(1);
            }
        });
    }

    @Test
    void aChartOutputLargerThanTheRenderCapIsMeasuredInTheWorkerAndFailsAsTooLarge() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            WorkerLaunch capped = new WorkerLaunch(256 * MIB, 768 * MIB, MIB);
            try (RenderHarness harness = new RenderHarness(scratch, Duration.ofSeconds(45), 2, capped)) {
                harness.know(FLOOD, GOOD);
                harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, charts()));

                RenderFailed flood = harness.publisher.failed("flood");
                assertThat(flood.reason()).isEqualTo(RenderFailureReason.RENDER_TOO_LARGE);
                assertThat(flood.message())
                        .contains("charts/flood", "measured in its worker", "plumbline.render.max-bytes");
                assertThat(harness.publisher.rendered("good").objects()).hasSize(1);
            }
        });
    }

    /**
     * A repository with a chart that loops, one that keeps adding 16 MiB strings to a list, one whose output is
     * 64 MiB, and a good one.
     */
    private static byte[] charts() {
        return new Tarballs()
                .file("charts/loop/Chart.yaml", chart("loop"))
                .file("charts/loop/templates/configmap.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: loop
                        data:
                          {{- range $i := until 100000 }}{{- range $j := until 100000 }}{{- end }}{{- end }}
                          done: "never"
                        """)
                .file("charts/hog/Chart.yaml", chart("hog"))
                .file("charts/hog/templates/configmap.yaml", """
                        {{- $chunks := list }}
                        {{- range until 100000 }}{{- $chunks = append $chunks (repeat 16777216 "x") }}{{- end }}
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: hog
                        data:
                          chunks: "{{ len $chunks }}"
                        """)
                .file("charts/flood/Chart.yaml", chart("flood"))
                .file("charts/flood/templates/configmap.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: flood
                        data:
                          text: {{ repeat 67108864 "x" }}
                        """)
                .file("charts/good/Chart.yaml", chart("good"))
                .file("charts/good/templates/configmap.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: good
                        data:
                          greeting: hello
                        """)
                .bytes();
    }

    private static String chart(String name) {
        return "apiVersion: v2\nname: " + name + "\nversion: 1.0.0\n";
    }
}
