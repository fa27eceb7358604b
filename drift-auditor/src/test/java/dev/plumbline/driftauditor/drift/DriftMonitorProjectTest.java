package dev.plumbline.driftauditor.drift;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.live;
import static dev.plumbline.driftauditor.drift.DriftFixtures.rendered;
import static dev.plumbline.driftauditor.drift.DriftFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.project.KindPattern;
import dev.plumbline.events.project.NamespaceResources;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.testing.TestProjects;
import dev.plumbline.events.vocabulary.DriftMode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Self-heal asks for nothing the app's project refuses: the reconciler would refuse it. */
class DriftMonitorProjectTest extends DriftMonitorFixture {

    @BeforeEach
    void anAppOfProjectShopWhoseDeploymentIsLiveAsDesired() {
        liveAsDesired(
                inProject(shopProject(List.of("https://git.example.com/*.git"), List.of())),
                rendered("web", "aaa111", desired));
        assertThat(published).isEmpty();
    }

    @Test
    void aRenderWithAnObjectOutsideTheProjectIsNotTakenAndDriftIsStillJudgedByTheRenderInForce() {
        ObjectNode intruder = deployment("web", "miner", 1);
        ((ObjectNode) intruder.get("metadata")).put("namespace", "kube-system");

        monitor.desiredChanged("web", rendered("web", "bbb222", deployment("web", "web", 7), intruder));
        change(live(desired, 5, "kubectl-edit", START));

        assertThat(monitor.desired("web").orElseThrow().revision()).isEqualTo("aaa111");
        DriftDetected alert = only(DriftDetected.class);
        assertThat(alert.revision()).isEqualTo("aaa111");
        assertThat(alert.objects().get(0).fields().get(0).desired().asInt())
                .as("desired as the render in force says, not as the refused one")
                .isEqualTo(3);
        assertThat(only(SyncRequested.class).objects())
                .singleElement()
                .satisfies(object -> assertThat(object.namespace()).isEqualTo("shop"));
    }

    @Test
    void theRefusedRenderIsTakenOnceTheProjectAllowsIt() {
        ObjectNode elsewhere = deployment("web", "worker", 1);
        ((ObjectNode) elsewhere.get("metadata")).put("namespace", "batch");
        monitor.desiredChanged("web", rendered("web", "bbb222", desired, elsewhere));
        assertThat(monitor.desired("web").orElseThrow().revision()).isEqualTo("aaa111");

        ProjectPolicy widened = new ProjectPolicy(
                "shop",
                true,
                2,
                List.of("https://git.example.com/*.git"),
                List.of(ProjectDestination.of("shop"), ProjectDestination.of("batch")),
                List.of(),
                null,
                null,
                List.of());
        monitor.specChanged("web", inProject(widened));

        assertThat(monitor.desired("web").orElseThrow().revision()).isEqualTo("bbb222");
    }

    @Test
    void anAppWhoseRepositoryTheProjectRefusesIsNotHealedButItsDriftIsReported() {
        monitor.specChanged("web", inProject(shopProject(List.of("https://git.example.com/other.git"), List.of())));

        change(live(desired, 5, "kubectl-edit", START));

        assertThat(only(DriftDetected.class).objects()).hasSize(1);
        assertThat(all(SyncRequested.class)).isEmpty();
    }

    @Test
    void aDriftedObjectOfAKindTheProjectNowDeniesIsNotHealed() {
        monitor.specChanged(
                "web",
                inProject(shopProject(
                        List.of("https://git.example.com/*.git"), List.of(new KindPattern("apps", "Deployment")))));

        change(live(desired, 5, "kubectl-edit", START));

        assertThat(only(DriftDetected.class).objects()).hasSize(1);
        assertThat(all(SyncRequested.class)).isEmpty();
    }

    @Test
    void aSpecWithoutAProjectAllowsNothingToBeHealed() {
        monitor.specChanged("web", spec("web", DriftMode.HEAL, null).withProject(null));

        change(live(desired, 5, "kubectl-edit", START));

        assertThat(all(SyncRequested.class)).isEmpty();
    }

    @Test
    void withAProjectThatAllowsEverythingTheDriftIsHealed() {
        monitor.specChanged("web", inProject(TestProjects.allowingEverything()));

        change(live(desired, 5, "kubectl-edit", START));

        assertThat(all(SyncRequested.class)).hasSize(1);
    }

    private static ProjectPolicy shopProject(List<String> sourceRepos, List<KindPattern> deniedKinds) {
        return new ProjectPolicy(
                "shop",
                true,
                1,
                sourceRepos,
                List.of(ProjectDestination.of("shop")),
                List.of(),
                new NamespaceResources(List.of(), deniedKinds),
                null,
                List.of());
    }

    private static ApplicationSpec inProject(ProjectPolicy project) {
        return spec("web", DriftMode.HEAL, null).withProject(project);
    }
}
