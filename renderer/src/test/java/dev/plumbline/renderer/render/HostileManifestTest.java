package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifests built to exhaust the renderer (memory, stack, time) fail the Application that holds them with a
 * message naming the limit, and every other Application of the commit still renders.
 */
class HostileManifestTest {

    private static final ApplicationSpec HEALTHY = RenderHarness.app("healthy", "apps/healthy");
    private static final String HEALTHY_FILE = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n";
    private static final long CAP = 1024 * 1024;

    @TempDir
    Path scratch;

    @Test
    void aBillionLaughsChainOfTenThousandAliasesFailsThatAppWithAClearMessage() {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n");
        yaml.append("  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10_000; level++) {
            String previous = "*l" + (level - 1);
            yaml.append("  l")
                    .append(level)
                    .append(": &l")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", Collections.nCopies(10, previous)))
                    .append("]\n");
        }

        RenderFailed failed = renderBroken(repository().file("apps/lol/lol.yaml", yaml.toString()));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.INVALID_MANIFEST);
        assertThat(failed.file()).isEqualTo("apps/lol/lol.yaml");
        assertThat(failed.message()).contains("apps/lol/lol.yaml", "alias");
    }

    @Test
    void aManifestNestedTenThousandLevelsDeepFailsThatAppWithAClearMessage() {
        String deep = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: " + "[".repeat(10_000)
                + "]".repeat(10_000) + "\n";

        RenderFailed failed = renderBroken(repository().file("apps/lol/deep.yaml", deep));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.INVALID_MANIFEST);
        assertThat(failed.file()).isEqualTo("apps/lol/deep.yaml");
        assertThat(failed.message()).contains("apps/lol/deep.yaml", "nest");
    }

    @Test
    void plainManifestsLargerThanTheRenderCapFailAsRenderTooLargeNamingSizeAndCap() {
        String big = HEALTHY_FILE.replace("fine", "big") + "data:\n  filler: " + "x".repeat((int) CAP) + "\n";

        RenderFailed failed = renderBroken(repository().file("apps/lol/big.yaml", big));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.RENDER_TOO_LARGE);
        assertThat(failed.message()).contains("apps/lol", String.valueOf(CAP), "plumbline.render.max-bytes", "split");
    }

    @Test
    void kustomizeOutputPastTheRenderCapIsCutOffWhileReadingAndTheBuildStopped() {
        String endless = "sh " + Tarballs.resource("tools/endless-kustomize.sh");
        try (RenderHarness harness = new RenderHarness(scratch, List.of(endless), Duration.ofSeconds(30), 16, CAP)) {
            long started = System.nanoTime();

            RenderFailed failed =
                    renderBroken(harness, repository().file("apps/lol/kustomization.yaml", "resources: []\n"));

            assertThat(failed.reason()).isEqualTo(RenderFailureReason.RENDER_TOO_LARGE);
            assertThat(failed.message()).contains("kustomize", String.valueOf(CAP), "plumbline.render.max-bytes");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    private RenderFailed renderBroken(Tarballs repository) {
        try (RenderHarness harness =
                new RenderHarness(scratch, RenderHarness.DEFAULT_KUSTOMIZE, Duration.ofSeconds(60), 16, CAP)) {
            return renderBroken(harness, repository);
        }
    }

    private static RenderFailed renderBroken(RenderHarness harness, Tarballs repository) {
        ApplicationSpec broken = RenderHarness.app("lol", "apps/lol");
        harness.know(broken, HEALTHY);

        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository.bytes()));

        assertThat(harness.publisher.rendered(HEALTHY.app()).objects()).isNotEmpty();
        return harness.publisher.failed(broken.app());
    }

    private static Tarballs repository() {
        return new Tarballs().file("apps/healthy/configmap.yaml", HEALTHY_FILE);
    }
}
