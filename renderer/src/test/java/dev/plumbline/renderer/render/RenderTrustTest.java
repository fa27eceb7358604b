package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer acts only on commit events the git-watcher signed, downloads only from the URL such an event names,
 * and signs every outcome it writes, so that readers can tell its desired state from anyone else's.
 */
class RenderTrustTest {

    private static final ApplicationSpec WEB = RenderHarness.app("web", "apps/shop");

    @TempDir
    Path scratch;

    @Test
    void everyRenderIsSignedByTheRendererForTheApplicationsGeneration() {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            harness.know(WEB);

            harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));

            ManifestsRendered rendered = harness.publisher.rendered("web");
            assertThat(rendered.generation()).isEqualTo(WEB.generation());
            assertThat(rendered.verify(TestSigningKeys.trustedKeys("renderer")).trusted())
                    .isTrue();
        }
    }

    @Test
    void everyRenderFailureIsSignedByTheRenderer() {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            harness.know(RenderHarness.app("lost", "apps/no-such-folder"));

            harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));

            assertThat(harness.publisher
                            .failed("lost")
                            .verify(TestSigningKeys.trustedKeys("renderer"))
                            .trusted())
                    .isTrue();
        }
    }

    @Test
    void anUnsignedCommitEventIsNeverDownloadedNorRenderedAndEveryWatchingAppSaysWhy() {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            harness.know(WEB);
            CommitDetected signed = harness.commit(RefUpdateKind.INITIAL, repository());
            CommitDetected unsigned = unsigned(signed, signed.artifact());

            harness.coordinator.onCommit(unsigned);

            RenderFailed failed = harness.publisher.failed("web");
            assertThat(failed.reason()).isEqualTo(RenderFailureReason.COMMIT_UNTRUSTED);
            assertThat(failed.message())
                    .contains(signed.after(), "it is not signed", "plumbline.trust.git-watcher-keys");
            assertThat(harness.server.downloads()).isZero();
            assertThat(harness.revisions.latestFor(WEB.sourceSpec())).isEmpty();
        }
    }

    @Test
    void aSignedCommitEventWhoseArtifactUrlWasChangedIsNotDownloaded() {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            harness.know(WEB);
            CommitDetected signed = harness.commit(RefUpdateKind.INITIAL, repository());
            Artifact elsewhere = harness.server.serve("elsewhere", repository());
            CommitDetected redirected = new CommitDetected(
                    signed.eventId(),
                    signed.schemaVersion(),
                    signed.time(),
                    signed.source(),
                    signed.correlationId(),
                    signed.repoUrl(),
                    signed.ref(),
                    signed.before(),
                    signed.after(),
                    signed.update(),
                    signed.commits(),
                    signed.changedPaths(),
                    signed.fetchCause(),
                    elsewhere,
                    signed.refusals(),
                    signed.signature());

            harness.coordinator.onCommit(redirected);

            assertThat(harness.publisher.failed("web").message()).contains("not made by the git-watcher's key");
            assertThat(harness.server.downloads()).isZero();
        }
    }

    @Test
    void aRedirectAwayFromTheArtifactUrlIsRefused() {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            harness.know(WEB);
            Artifact real = harness.server.serve("real", repository());
            Artifact redirecting = harness.server.redirect("moved", real);

            harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, redirecting));

            RenderFailed failed = harness.publisher.failed("web");
            assertThat(failed.reason()).isEqualTo(RenderFailureReason.ARTIFACT_UNAVAILABLE);
            assertThat(failed.message()).contains("HTTP 302", real.url(), "follows no redirects");
            assertThat(harness.server.downloads()).isEqualTo(1);
        }
    }

    private static CommitDetected unsigned(CommitDetected signed, Artifact artifact) {
        return CommitDetected.of(
                signed.correlationId(),
                signed.repoUrl(),
                signed.ref(),
                signed.before(),
                signed.after(),
                signed.update(),
                List.of(),
                signed.changedPaths(),
                signed.fetchCause(),
                artifact);
    }

    private static byte[] repository() {
        return Tarballs.ofResource("testdata/repo").bytes();
    }
}
