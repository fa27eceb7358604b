package dev.plumbline.driftauditor.patch;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.RendererKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftPatchBuilderTest {

    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");
    private static final FieldManagerAttribution KUBECTL = new FieldManagerAttribution("kubectl-edit", "Update", null);

    @Test
    void aPlainAppGetsAUnifiedDiffOfItsFileWithTheLiveValuesAndWithoutTrackingMarks() {
        ManifestsRendered render = rendered("web", "aaa", deployment("web", "web", 3));
        DriftedObject drift = new DriftedObject(
                WEB,
                DriftKind.MODIFIED,
                List.of(
                        new DriftedField("spec.replicas", IntNode.valueOf(3), IntNode.valueOf(5), KUBECTL),
                        new DriftedField(
                                "spec.template.spec.containers[name=web].image",
                                TextNode.valueOf("nginx:1.27"),
                                TextNode.valueOf("nginx:1.27.3"),
                                KUBECTL)));

        DriftPatch patch = DriftPatchBuilder.build(render, List.of(drift));

        assertThat(patch.diff())
                .startsWith("diff --git a/apps/web/web.yaml b/apps/web/web.yaml\n"
                        + "--- a/apps/web/web.yaml\n+++ b/apps/web/web.yaml\n@@ ");
        assertThat(patch.diff())
                .contains("-  replicas: 3\n+  replicas: 5\n")
                .contains("         - name: web\n-          image: nginx:1.27\n+          image: nginx:1.27.3\n")
                .doesNotContain("plumbline");
        assertThat(patch.notes()).isEmpty();
    }

    @Test
    void aDeletedObjectIsRemovedFromItsFile() {
        DriftPatch patch = DriftPatchBuilder.build(
                rendered("web", "aaa", deployment("web", "web", 3)),
                List.of(new DriftedObject(WEB, DriftKind.DELETED, List.of())));

        assertThat(patch.diff()).contains("+++ /dev/null").contains("-kind: Deployment");
    }

    @Test
    void aKustomizeAppGetsTheDriftedFieldsWithTheirLiveValues() {
        ManifestsRendered plain = rendered("web", "aaa", deployment("web", "web", 3));
        ManifestsRendered kustomized = SignedEvents.byRenderer(ManifestsRendered.of(
                "c",
                "web",
                1,
                plain.sourceDigest(),
                plain.repoUrl(),
                "aaa",
                "overlays/prod",
                RendererKind.KUSTOMIZE,
                plain.objects()));
        DriftedObject drift = new DriftedObject(
                WEB,
                DriftKind.MODIFIED,
                List.of(new DriftedField("spec.replicas", IntNode.valueOf(3), IntNode.valueOf(5), KUBECTL)));

        DriftPatch patch = DriftPatchBuilder.build(kustomized, List.of(drift));

        assertThat(patch.diff()).isNull();
        assertThat(patch.objects()).containsExactly(drift);
        assertThat(patch.notes()).singleElement().asString().contains("kustomize");
    }
}
