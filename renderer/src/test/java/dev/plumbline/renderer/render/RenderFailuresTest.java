package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is a render failure with a reason and a message a person can act on, never a crash: in every case a
 * healthy Application of the same commit still renders.
 */
class RenderFailuresTest {

    private static final ApplicationSpec HEALTHY = RenderHarness.app("healthy", "broken/ok");

    @TempDir
    Path scratch;

    @Test
    void invalidYamlNamesTheFileAndTheLine() {
        RenderFailed failed = renderBroken(RenderHarness.app("web", "broken/invalid-yaml"));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.INVALID_MANIFEST);
        assertThat(failed.file()).isEqualTo("broken/invalid-yaml/service.yaml");
        assertThat(failed.line()).isEqualTo(8);
        assertThat(failed.message()).startsWith("broken/invalid-yaml/service.yaml line 8: not valid YAML");
    }

    @Test
    void aChartTemplateErrorNamesTheTemplateAndTheLine() {
        RenderFailed failed = renderBroken(RenderHarness.helmApp("chart", "broken/chart-error", null));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.TEMPLATE_ERROR);
        assertThat(failed.file()).isEqualTo("broken/chart-error/templates/configmap.yaml");
        assertThat(failed.line()).isEqualTo(7);
        assertThat(failed.message()).contains("imageTag is required");
    }

    @Test
    void aChartFromAChartRepositoryIsNotSupportedYetAndSaysSo() {
        RenderFailed failed = renderBroken(RenderHarness.helmApp("remote", "broken/remote-chart", null));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.UNSUPPORTED_SOURCE);
        assertThat(failed.message())
                .contains("redis", "https://charts.example.com/stable", "not supported yet", "charts/");
    }

    @Test
    void aMissingKustomizeBaseNamesTheKustomizationAndTheBase() {
        RenderFailed failed = renderBroken(RenderHarness.app("overlay", "broken/missing-base"));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.KUSTOMIZE_ERROR);
        assertThat(failed.file()).isEqualTo("broken/missing-base/kustomization.yaml");
        assertThat(failed.message()).contains("../no-such-base", "does not exist");
    }

    @Test
    void aKustomizationReachingOutsideTheRepositoryIsRefused() {
        RenderFailed failed = renderBroken(RenderHarness.app("escape", "broken/escape"));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.UNSAFE_PATH);
        assertThat(failed.file()).isEqualTo("broken/escape/kustomization.yaml");
        assertThat(failed.message()).contains("outside the repository");
    }

    @Test
    void anApplicationPathEscapingTheRepositoryIsRefused() {
        RenderFailed failed = renderBroken(RenderHarness.app("sneaky", "broken/../../etc"));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.UNSAFE_PATH);
        assertThat(failed.message()).contains("the Application's path broken/../../etc");
    }

    @Test
    void aSymlinkLeadingOutOfTheRepositoryIsRefusedForTheAppsThatReadIt() {
        byte[] tarball = repositoryWith()
                .symlink("broken/linked/passwd.yaml", "/etc/passwd")
                .symlink("broken/linked/inside.yaml", "ok.yaml")
                .file("broken/linked/ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n")
                .bytes();
        RenderFailed failed = renderBroken(tarball, RenderHarness.app("linked", "broken/linked"), HEALTHY);

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.SYMLINK_OUT_OF_TREE);
        assertThat(failed.file()).isEqualTo("broken/linked/passwd.yaml");
        assertThat(failed.message()).contains("symlink to /etc/passwd");
    }

    @Test
    void aMissingKustomizeProgramIsAToolMissingFailureThatSaysWhatWasTried() {
        try (RenderHarness harness =
                new RenderHarness(scratch, List.of("no-such-kustomize build"), Duration.ofSeconds(90), 16)) {
            RenderFailed failed = renderBroken(harness, repository(), RenderHarness.app("api", "broken/slow"), HEALTHY);

            assertThat(failed.reason()).isEqualTo(RenderFailureReason.TOOL_MISSING);
            assertThat(failed.message()).contains("no-such-kustomize build", "plumbline.render.kustomize.commands");
        }
    }

    @Test
    void aRenderPastItsTimeoutIsStoppedAndFailsAsTimedOut() {
        String slowKustomize = "sh " + Tarballs.resource("tools/slow-kustomize.sh");
        try (RenderHarness harness = new RenderHarness(scratch, List.of(slowKustomize), Duration.ofSeconds(1), 16)) {
            long started = System.nanoTime();
            RenderFailed failed =
                    renderBroken(harness, repository(), RenderHarness.app("slow", "broken/slow"), HEALTHY);

            assertThat(failed.reason()).isEqualTo(RenderFailureReason.TIMEOUT);
            assertThat(failed.renderer()).isEqualTo(RendererKind.KUSTOMIZE);
            assertThat(failed.message()).contains("1 s", "plumbline.render.timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void twoObjectsWithOneIdentityNameBothFiles() {
        RenderFailed failed = renderBroken(RenderHarness.app("twice", "broken/duplicate"));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.DUPLICATE_OBJECT);
        assertThat(failed.message())
                .contains("ConfigMap v1 dest/settings", "broken/duplicate/one.yaml", "broken/duplicate/two.yaml");
    }

    @Test
    void anObjectWithOnlyGenerateNameNamesItsFile() {
        RenderFailed failed = renderBroken(RenderHarness.app("jobs", "broken/generate-name"));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.MISSING_NAME);
        assertThat(failed.file()).isEqualTo("broken/generate-name/job.yaml");
        assertThat(failed.message()).contains("generateName", "migrate-");
    }

    @Test
    void aMissingPathIsPathNotFound() {
        RenderFailed failed = renderBroken(RenderHarness.app("gone", "broken/no-such-folder"));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.PATH_NOT_FOUND);
        assertThat(failed.message()).contains("broken/no-such-folder");
    }

    @Test
    void anArtifactWhoseDigestDiffersIsNotExtractedAndEveryAffectedAppSaysWhy() {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            harness.know(HEALTHY);
            var artifact = harness.server.serve("tampered", repository(), "0".repeat(64));

            harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, artifact));

            RenderFailed failed = harness.publisher.failed("healthy");
            assertThat(failed.reason()).isEqualTo(RenderFailureReason.ARTIFACT_DIGEST_MISMATCH);
            assertThat(failed.message()).contains("0".repeat(64), "not extracted");
        }
    }

    @Test
    void aFailureCarriesTheLastGoodRender() {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            ApplicationSpec app = RenderHarness.app("web", "broken/ok");
            harness.know(app);
            harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));
            var good = harness.publisher.rendered("web");

            byte[] broken = repositoryWith()
                    .file("broken/ok/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x}\n")
                    .bytes();
            harness.coordinator.onCommit(
                    harness.commit(RefUpdateKind.FAST_FORWARD, broken, "broken/ok/configmap.yaml"));

            RenderFailed failed = harness.publisher.failed("web");
            assertThat(failed.reason()).isEqualTo(RenderFailureReason.INVALID_MANIFEST);
            assertThat(failed.lastRendered()).isEqualTo(good);
        }
    }

    private RenderFailed renderBroken(ApplicationSpec broken) {
        return renderBroken(repository(), broken, HEALTHY);
    }

    private RenderFailed renderBroken(byte[] tarball, ApplicationSpec broken, ApplicationSpec healthy) {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            return renderBroken(harness, tarball, broken, healthy);
        }
    }

    /** Renders a broken and a healthy Application from one commit; the healthy one must still render. */
    private static RenderFailed renderBroken(
            RenderHarness harness, byte[] tarball, ApplicationSpec broken, ApplicationSpec healthy) {
        harness.know(broken, healthy);

        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, tarball));

        assertThat(harness.publisher.rendered(healthy.app()).objects()).isNotEmpty();
        return harness.publisher.failed(broken.app());
    }

    /** The test repository with the broken cases under broken/. */
    private static byte[] repository() {
        return repositoryWith().bytes();
    }

    private static Tarballs repositoryWith() {
        return Tarballs.ofResource("testdata/repo").addTree(Tarballs.resource("testdata/broken"), "broken/");
    }
}
