package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link whose text stays inside the repository but whose real path leaves it: {@code d -> .} makes
 * {@code d/d/d/../../..} climb above the link's folder while the text climbs nowhere. Every renderer must refuse
 * to read through it, naming the link; links that really stay inside keep working.
 */
class SymlinkChainTest {

    private static final ApplicationSpec HEALTHY = RenderHarness.app("healthy", "broken/ok");
    private static final String NEIGHBOUR_SECRET =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stolen\ndata:\n  password: hunter2\n";

    @TempDir
    Path scratch;

    @BeforeEach
    void anotherCommitIsExtractedBesideThisOne() throws IOException {
        Path neighbour = Files.createDirectories(scratch.resolve("neighbour/tree"));
        Files.writeString(neighbour.resolve("secret.yaml"), NEIGHBOUR_SECRET);
    }

    @Test
    void plainSymlinkChainToTheHostsFilesIsRefusedNamingTheLink() {
        Tarballs repository = repository()
                .symlink("broken/chain/d", ".")
                .symlink("broken/chain/x.yaml", "d/".repeat(20) + "../".repeat(20) + "etc/hostname");

        RenderFailed failed = renderBroken(repository, RenderHarness.app("chain", "broken/chain"));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.SYMLINK_OUT_OF_TREE);
        assertThat(failed.file()).isEqualTo("broken/chain/x.yaml");
        assertThat(failed.message()).contains("broken/chain/x.yaml", "outside the repository");
    }

    @Test
    void plainSymlinkChainIntoASiblingExtractedTreeIsRefusedAndReadsNothing() {
        // the scratch folder holds <commit>/tree/broken/sibling: four levels up is the scratch folder itself
        Tarballs repository = repository()
                .symlink("broken/sibling/d", ".")
                .symlink("broken/sibling/x.yaml", "d/d/d/d/../../../../neighbour/tree/secret.yaml");

        try (RenderHarness harness = new RenderHarness(scratch)) {
            RenderFailed failed = renderBroken(harness, repository, RenderHarness.app("sibling", "broken/sibling"));

            assertThat(failed.reason()).isEqualTo(RenderFailureReason.SYMLINK_OUT_OF_TREE);
            assertThat(failed.message()).contains("broken/sibling/x.yaml");
            assertThat(harness.publisher.published())
                    .extracting(PlumblineEvent::toString)
                    .noneMatch(event -> event.contains("hunter2"));
        }
    }

    @Test
    void kustomizeResourceThroughASymlinkChainIsRefusedNamingTheLink() {
        Tarballs repository = repository()
                .file("broken/kchain/kustomization.yaml", "resources:\n  - x.yaml\n")
                .symlink("broken/kchain/d", ".")
                .symlink("broken/kchain/x.yaml", "d/d/d/d/../../../../neighbour/tree/secret.yaml");

        RenderFailed failed = renderBroken(repository, RenderHarness.app("kchain", "broken/kchain"));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.SYMLINK_OUT_OF_TREE);
        assertThat(failed.message()).contains("broken/kchain/x.yaml");
    }

    @Test
    void helmTemplateThroughASymlinkChainIsRefusedBeforeHelmReadsIt() {
        Tarballs repository = repository()
                .file("broken/hchain/Chart.yaml", "apiVersion: v2\nname: hchain\nversion: 0.1.0\n")
                .symlink("broken/hchain/templates/d", ".")
                .symlink("broken/hchain/templates/x.yaml", "d/d/d/d/d/../../../../../neighbour/tree/secret.yaml");

        RenderFailed failed = renderBroken(repository, RenderHarness.helmApp("hchain", "broken/hchain", null));

        assertThat(failed.reason()).isEqualTo(RenderFailureReason.SYMLINK_OUT_OF_TREE);
        assertThat(failed.message()).contains("broken/hchain/templates/x.yaml");
    }

    @Test
    void linksThatStayInsideTheTreeStillRenderIncludingThroughALinkToAFolder() {
        Tarballs repository = repository()
                .file("shared/one.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n")
                .file("shared/deeper/two.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n")
                .symlink("apps/linked/one.yaml", "../../shared/one.yaml")
                .symlink("apps/linked/shared", "../../shared")
                .symlink("apps/linked/two.yaml", "shared/deeper/two.yaml");

        try (RenderHarness harness = new RenderHarness(scratch)) {
            harness.know(RenderHarness.app("linked", "apps/linked"));
            harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository.bytes()));

            assertThat(harness.publisher.rendered("linked").objects())
                    .extracting(object -> object.identity().name())
                    .containsExactlyInAnyOrder("one", "two");
        }
    }

    private RenderFailed renderBroken(Tarballs repository, ApplicationSpec broken) {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            return renderBroken(harness, repository, broken);
        }
    }

    /** Renders the broken Application beside a healthy one, which must still render. */
    private static RenderFailed renderBroken(RenderHarness harness, Tarballs repository, ApplicationSpec broken) {
        harness.know(broken, HEALTHY);

        harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, repository.bytes()));

        assertThat(harness.publisher.rendered(HEALTHY.app()).objects()).isNotEmpty();
        return harness.publisher.failed(broken.app());
    }

    private static Tarballs repository() {
        return Tarballs.ofResource("testdata/repo").addTree(Tarballs.resource("testdata/broken"), "broken/");
    }
}
