package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestProjects;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the renderer leaves alone: an Application whose project refuses its repository, and one that the commit event
 * refuses (its project requires a signature the commit lacks). It publishes nothing for them; the Application shows
 * why from its spec and the commit event.
 */
class RenderDoorsTest {

    /** A project of another team's repositories only. */
    private static final ProjectPolicy OTHER_TEAMS = new ProjectPolicy(
            "team-b",
            true,
            1,
            List.of("https://git.example.com/team-b/*"),
            List.of(ProjectDestination.of("dest")),
            List.of(),
            null,
            null,
            List.of());

    private static final ApplicationSpec SHOP = RenderHarness.app("shop", "apps/shop");
    private static final ApplicationSpec WORKER = RenderHarness.app("worker", "helm/worker");

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
    void anApplicationWhoseProjectRefusesItsRepositoryIsNotRenderedWhileAnotherOnTheRepositoryIs() {
        harness.know(SHOP.withProject(OTHER_TEAMS), WORKER);

        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));

        assertThat(harness.publisher.apps())
                .as("nothing, not even a failure, for shop")
                .containsExactly("worker");
    }

    @Test
    void aSpecWithoutAProjectRendersNothing() {
        harness.know(SHOP.withProject(null));

        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));

        assertThat(harness.publisher.published()).isEmpty();
    }

    @Test
    void anApplicationTheCommitEventRefusesIsNotRenderedWhileAnotherOnTheRepositoryIs() {
        harness.know(SHOP, WORKER);

        harness.coordinator.onCommit(refusing(harness.commit(RefUpdateKind.INITIAL, repository()), "shop"));

        assertThat(harness.publisher.apps()).containsExactly("worker");
    }

    @Test
    void aSpecChangeDoesNotRenderTheLatestCommitForAnApplicationItRefuses() {
        harness.know(WORKER);
        harness.coordinator.onCommit(refusing(harness.commit(RefUpdateKind.INITIAL, repository()), "shop"));
        harness.publisher.clear();

        harness.know(SHOP);
        harness.coordinator.onApplications(List.of(SHOP));

        assertThat(harness.publisher.published()).isEmpty();
    }

    @Test
    void anApplicationRendersAtOnceWhenItsProjectComesToAllowItsRepository() {
        ApplicationSpec refused = SHOP.withProject(OTHER_TEAMS);
        harness.know(refused);
        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository()));
        harness.coordinator.onApplications(List.of(refused));
        assertThat(harness.publisher.published()).isEmpty();

        ApplicationSpec allowed = SHOP.withProject(TestProjects.allowingEverything());
        harness.know(allowed);
        harness.coordinator.onApplications(List.of(allowed));

        assertThat(harness.publisher.apps()).containsExactly("shop");
    }

    @Test
    void anUntrustedCommitEventFailsOnlyTheApplicationsAllowedItsRepository() {
        harness.know(SHOP.withProject(OTHER_TEAMS), WORKER);
        CommitDetected unsigned =
                harness.commit(RefUpdateKind.INITIAL, repository()).withRefusals(List.of());

        harness.coordinator.onCommit(unsigned);

        assertThat(harness.publisher.apps()).containsExactly("worker");
    }

    private static CommitDetected refusing(CommitDetected commit, String app) {
        String reason = "commit " + commit.after().substring(0, 7) + " by Ana Lima <ana@example.com> is not signed;"
                + " project \"default\" requires commits signed with its key";
        return SignedEvents.byGitWatcher(commit.withRefusals(List.of(new CommitRefusal(app, "default", reason))));
    }

    private static byte[] repository() {
        return Tarballs.ofResource("testdata/repo").bytes();
    }
}
