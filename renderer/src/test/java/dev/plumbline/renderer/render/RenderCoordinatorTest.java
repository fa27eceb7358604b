package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.application.DirectoryOptions;
import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import dev.plumbline.renderer.testing.Tools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Applications a commit or a spec change renders, and what it costs. */
class RenderCoordinatorTest {

    private static final ApplicationSpec SHOP = RenderHarness.app("shop", "apps/shop");
    private static final ApplicationSpec WEB = RenderHarness.helmApp(
            "web",
            "helm/web",
            new HelmOptions(null, List.of("../../environments/prod/web-values.yaml"), null, List.of()));
    private static final ApplicationSpec WORKER = RenderHarness.app("worker", "helm/worker");
    private static final ApplicationSpec STAGING = RenderHarness.app("api-staging", "kustomize/overlays/staging");
    private static final ApplicationSpec PROD = RenderHarness.app("api-prod", "kustomize/overlays/prod");

    @TempDir
    Path scratch;

    RenderHarness harness;
    /** What the first commit published, as a restarted renderer reads it back from its topic. */
    List<PlumblineEvent> firstRenders;

    @BeforeEach
    void start() {
        harness = new RenderHarness(scratch);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aFirstCommitRendersEveryApplicationWatchingItsRef() {
        harness.know(
                SHOP,
                WEB,
                WORKER,
                RenderHarness.app(
                        "elsewhere",
                        new SourceSpec(
                                "https://git.example.com/other.git", "main", "apps/shop", null, null, null, null)));

        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));

        assertThat(harness.publisher.apps()).containsExactlyInAnyOrder("shop", "web", "worker");
    }

    @Test
    void aCommitToAnAppsFolderRendersThatAppOnly() {
        renderedOnce(SHOP, WEB, WORKER);

        harness.coordinator.onCommit(
                harness.commit(RefUpdateKind.FAST_FORWARD, repository(), "apps/shop/deployment.yaml"));

        assertThat(harness.publisher.apps()).containsExactly("shop");
    }

    @Test
    void aCommitToAKustomizeBaseRendersEveryOverlayBuiltOnIt() {
        Tools.assumeKustomize();
        renderedOnce(SHOP, STAGING, PROD);

        harness.coordinator.onCommit(
                harness.commit(RefUpdateKind.FAST_FORWARD, repository(), "kustomize/base/application.properties"));

        assertThat(harness.publisher.apps()).containsExactlyInAnyOrder("api-staging", "api-prod");
    }

    @Test
    void aCommitToAValueFileOutsideTheChartRendersTheChartThatNamesIt() {
        renderedOnce(SHOP, WEB, WORKER);

        harness.coordinator.onCommit(
                harness.commit(RefUpdateKind.FAST_FORWARD, repository(), "environments/prod/web-values.yaml"));

        assertThat(harness.publisher.apps()).containsExactly("web");
    }

    @Test
    void aCommitToALocalChartDependencyOutsideTheChartRendersTheChartThatUsesIt() {
        renderedOnce(SHOP, WEB, WORKER);

        harness.coordinator.onCommit(harness.commit(
                RefUpdateKind.FAST_FORWARD, repository(), "shared-charts/common-jobs/templates/cronjob.yaml"));

        assertThat(harness.publisher.apps()).containsExactly("worker");
    }

    @Test
    void aCommitTouchingNoApplicationsInputsRendersNothingAndDownloadsNothing() {
        renderedOnce(SHOP, WEB, WORKER);
        int downloads = harness.server.downloads();

        harness.coordinator.onCommit(
                harness.commit(RefUpdateKind.FAST_FORWARD, repository(), "README.md", "docs/runbook.md"));

        assertThat(harness.publisher.published()).isEmpty();
        assertThat(harness.server.downloads()).isEqualTo(downloads);
    }

    @Test
    void afterARestartTheInputsAreWorkedOutFromTheCommitBeforeChoosing() {
        renderedOnce(SHOP, WEB, WORKER);
        RenderHarness restarted = new RenderHarness(scratch);
        try {
            restarted.know(SHOP, WEB, WORKER);
            firstRenders.forEach(event -> restarted.lastRenders.accept(event.app(), event));

            restarted.coordinator.onCommit(
                    restarted.commit(RefUpdateKind.FAST_FORWARD, repository(), "environments/prod/web-values.yaml"));

            assertThat(restarted.publisher.apps()).containsExactly("web");
        } finally {
            restarted.close();
        }
    }

    @Test
    void aNewApplicationRendersAtOnceFromTheLatestCommitOfItsRef() {
        renderedOnce(SHOP);

        harness.know(WEB);
        harness.coordinator.onApplications(List.of(WEB));

        assertThat(harness.publisher.apps()).containsExactly("web");
        assertThat(harness.publisher.rendered("web").correlationId()).isEqualTo(WEB.correlationId());
    }

    @Test
    void aChangedApplicationRendersAtOnceAndAnUnchangedOneDoesNot() {
        renderedOnce(SHOP, WEB);
        ApplicationSpec moreReplicas = RenderHarness.helmApp(
                "web", "helm/web", new HelmOptions(null, List.of("values-prod.yaml"), null, List.of()));

        harness.know(moreReplicas);
        harness.coordinator.onApplications(List.of(SHOP, moreReplicas));

        assertThat(harness.publisher.apps()).containsExactly("web");
    }

    @Test
    void manyChangedApplicationsOfOneCommitDownloadItOnce() {
        renderedOnce(SHOP);
        int downloads = harness.server.downloads();
        List<ApplicationSpec> added = List.of(WEB, WORKER, RenderHarness.app("shop-copy", "apps/shop"));

        added.forEach(harness::know);
        harness.coordinator.onApplications(added);

        assertThat(harness.publisher.apps()).containsExactlyInAnyOrder("web", "worker", "shop-copy");
        assertThat(harness.server.downloads()).isEqualTo(downloads + 1);
    }

    @Test
    void anApplicationWithoutAKnownCommitRendersWithTheNextOne() {
        harness.know(SHOP);
        harness.coordinator.onApplications(List.of(SHOP));
        assertThat(harness.publisher.published()).isEmpty();

        harness.coordinator.onCommit(harness.commit(RefUpdateKind.FAST_FORWARD, repository(), "README.md"));
        assertThat(harness.publisher.apps()).containsExactly("shop");
        harness.publisher.clear();

        harness.coordinator.onCommit(harness.commit(RefUpdateKind.FAST_FORWARD, repository(), "README.md"));
        assertThat(harness.publisher.apps())
                .as("no longer waiting once rendered")
                .isEmpty();
    }

    @Test
    void aWaitingApplicationRendersOnceTheLatestCommitOfItsRefIsLearnt() {
        harness.know(SHOP);
        harness.coordinator.onApplications(List.of(SHOP));

        harness.revisions.record(harness.commit(RefUpdateKind.FAST_FORWARD, repository(), "README.md"));
        harness.coordinator.onApplications(harness.coordinator.waitingApplications());

        assertThat(harness.publisher.apps()).containsExactly("shop");
        assertThat(harness.coordinator.waitingApplications()).isEmpty();
    }

    @Test
    void anApplicationKnownBeforeTheFirstCommitIsNotRenderedAgainByUnrelatedCommits() {
        harness.know(SHOP, WEB);
        harness.coordinator.onApplications(List.of(SHOP, WEB));
        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));
        harness.publisher.clear();

        harness.coordinator.onCommit(
                harness.commit(RefUpdateKind.FAST_FORWARD, repository(), "apps/shop/deployment.yaml"));

        assertThat(harness.publisher.apps()).containsExactly("shop");
    }

    @Test
    void aDeletedApplicationHasItsDesiredStateRemoved() {
        renderedOnce(SHOP, WEB);
        harness.coordinator.onApplications(List.of(SHOP, WEB));

        harness.coordinator.onApplicationDeleted("web");

        assertThat(harness.publisher.tombstones()).containsExactly("web");
    }

    @Test
    void aCommitThatLeavesAnAppsInputsAloneIsACacheHitAndPublishesNothingNew() {
        renderedOnce(SHOP);
        byte[] sameShopOtherReadme = Tarballs.ofResource("testdata/repo")
                .file("README.md", "changed")
                .bytes();
        ApplicationSpec copy = RenderHarness.app("shop", "apps/shop");

        harness.coordinator.onApplications(List.of(copy));
        harness.coordinator.onCommit(
                harness.commit(RefUpdateKind.FORCED, sameShopOtherReadme, "apps/shop/namespace.yaml", "README.md"));

        assertThat(harness.counter("plumbline.render.cache", "result", "hit")).isEqualTo(1);
        assertThat(harness.publisher.apps()).containsExactly("shop");
        assertThat(harness.publisher.rendered("shop").digest())
                .isEqualTo(harness.lastRenders.lastGood("shop").orElseThrow().digest());
    }

    @Test
    void aSourceChangeThatRendersTheSameObjectsIsPublishedAgainForTheNewSourceSoItsWaitEnds() {
        renderedOnce(SHOP);
        ApplicationSpec sameFilesOtherOptions = RenderHarness.app(
                "shop",
                new SourceSpec(RenderHarness.REPO, "main", "apps/shop", null, null, null, DirectoryOptions.defaults()));

        harness.know(sameFilesOtherOptions);
        harness.coordinator.onApplications(List.of(sameFilesOtherOptions));

        assertThat(harness.publisher.apps()).containsExactly("shop");
        assertThat(harness.publisher.rendered("shop").digest())
                .isEqualTo(((ManifestsRendered) firstRenders.get(0)).digest());
        assertThat(harness.publisher.rendered("shop").sourceDigest()).isEqualTo(sameFilesOtherOptions.sourceDigest());
    }

    @Test
    void afterARestartAnAppWhoseLatestRenderWasMadeForAnotherSourceRendersAgain() {
        // published before the render below was written, as when a render of the old spec finished after it
        ApplicationSpec otherValues = RenderHarness.helmApp(
                "web", "helm/web", new HelmOptions(null, List.of("values-prod.yaml"), null, List.of()));
        renderedOnce(WEB);
        RenderHarness restarted = new RenderHarness(scratch);
        try {
            restarted.know(otherValues);
            firstRenders.forEach(event -> restarted.lastRenders.accept(event.app(), event));
            restarted.revisions.record(restarted.commit(RefUpdateKind.FAST_FORWARD, repository(), "README.md"));

            restarted.coordinator.onApplications(List.of(otherValues));

            assertThat(restarted.publisher.apps()).containsExactly("web");
            assertThat(restarted.publisher.rendered("web").sourceDigest()).isEqualTo(otherValues.sourceDigest());
        } finally {
            restarted.close();
        }
    }

    /** The Applications are known and rendered from a first commit; the record of that is then cleared. */
    private void renderedOnce(ApplicationSpec... specs) {
        harness.know(specs);
        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));
        firstRenders = harness.publisher.published();
        assertThat(firstRenders).hasSize(specs.length);
        harness.publisher.clear();
    }

    private static byte[] repository() {
        return Tarballs.ofResource("testdata/repo").bytes();
    }
}
