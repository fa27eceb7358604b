package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.application.DirectoryOptions;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.renderer.testing.ArtifactServer;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit's render of an Application's old spec that ends after the render made for its new spec: the render of
 * the current spec stays the app's latest record, or readers would wait for the current source until the next
 * commit.
 */
class SpecChangeRaceTest {

    private static final ApplicationSpec SHOP = RenderHarness.app("shop", "apps/shop");
    /** The same files, other render options: another source digest. */
    private static final ApplicationSpec SHOP_OTHER_OPTIONS = RenderHarness.app(
            "shop",
            new SourceSpec(RenderHarness.REPO, "main", "apps/shop", null, null, null, DirectoryOptions.defaults()));

    private static final ApplicationSpec SHOP_WRONG_PATH = RenderHarness.app("shop", "apps/no-such-app");

    @TempDir
    Path scratch;

    RenderHarness harness;

    @BeforeEach
    void start() {
        harness = new RenderHarness(scratch);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aCommitRenderOfTheOldSpecEndingAfterTheSpecChangesRenderDoesNotReplaceIt() throws Exception {
        commitRenderOutlivesSpecChange(SHOP, SHOP_OTHER_OPTIONS);

        PlumblineEvent latest = latestRecord("shop");
        assertThat(latest).isInstanceOf(ManifestsRendered.class);
        assertThat(((ManifestsRendered) latest).sourceDigest()).isEqualTo(SHOP_OTHER_OPTIONS.sourceDigest());
        assertThat(harness.meters.get("plumbline.render.superseded").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aFailureOfTheOldSpecEndingAfterTheFixedSpecsRenderDoesNotReplaceIt() throws Exception {
        commitRenderOutlivesSpecChange(SHOP_WRONG_PATH, SHOP);

        PlumblineEvent latest = latestRecord("shop");
        assertThat(latest).isInstanceOf(ManifestsRendered.class);
        assertThat(((ManifestsRendered) latest).sourceDigest()).isEqualTo(SHOP.sourceDigest());
    }

    /**
     * A commit starts rendering {@code before}; while it downloads, the Application changes to {@code after}, which
     * renders from that same commit and publishes first; then the commit's render ends.
     */
    private void commitRenderOutlivesSpecChange(ApplicationSpec before, ApplicationSpec after) throws Exception {
        harness.know(before);
        CommitDetected commit = harness.commit(
                RefUpdateKind.INITIAL, Tarballs.ofResource("testdata/repo").bytes());
        ArtifactServer.Hold download = harness.server.hold(commit.artifact());
        CompletableFuture<?> commitRender = CompletableFuture.runAsync(() -> harness.coordinator.onCommit(commit));
        download.awaitArrival();

        harness.know(after);
        harness.coordinator.onApplications(List.of(after));
        assertThat(latestRecord("shop")).isInstanceOf(ManifestsRendered.class);
        download.release();
        commitRender.get(30, TimeUnit.SECONDS);
    }

    private PlumblineEvent latestRecord(String app) {
        List<PlumblineEvent> records = harness.publisher.published().stream()
                .filter(event -> app.equals(event.app()))
                .toList();
        assertThat(records).isNotEmpty();
        return records.get(records.size() - 1);
    }
}
