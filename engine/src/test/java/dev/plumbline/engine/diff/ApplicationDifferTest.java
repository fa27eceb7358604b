package dev.plumbline.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ManifestParser;
import dev.plumbline.engine.testing.GoldenFiles;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.SyncStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationDifferTest {

    private final ApplicationDiffer differ = new ApplicationDiffer("web", List.of(), false);
    private final List<RenderedObject> desired = GoldenFiles.desired("prune");
    private final List<JsonNode> live = GoldenFiles.live("prune");

    @Test
    void anAppThatMatchesGitIsSynced() {
        ApplicationDiff diff = new ApplicationDiffer("web", List.of(), false)
                .compare(GoldenFiles.desired("status"), GoldenFiles.live("status"));

        assertThat(diff.syncStatus()).isEqualTo(SyncStatus.SYNCED);
        assertThat(diff.health()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(diff.changes()).isEmpty();
    }

    @Test
    void desiredObjectsComeInApplyOrderAndDeletionsInPruneOrderAfterThem() {
        List<RenderedObject> wanted = new ArrayList<>(desired);
        wanted.addAll(new ManifestParser().parse("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                """, null));

        ApplicationDiff diff = differ.compare(wanted, live);

        assertThat(diff.objects())
                .extracting(d -> d.object().kind() + " " + d.object().name(), ObjectDiff::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Namespace shop", ChangeType.CREATE),
                        org.assertj.core.groups.Tuple.tuple("Deployment web", ChangeType.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple("Service old-web", ChangeType.DELETE),
                        org.assertj.core.groups.Tuple.tuple("ConfigMap old-config", ChangeType.DELETE));
        assertThat(diff.syncStatus()).isEqualTo(SyncStatus.OUT_OF_SYNC);
        assertThat(diff.health())
                .as("a missing Namespace is the worst of the desired objects")
                .isEqualTo(HealthStatus.MISSING);
    }

    @Test
    void anEmptyRenderShowsWhatGitLostButPrunesNothing() {
        ApplicationDiff diff = differ.compare(List.of(), live);

        assertThat(diff.changes())
                .extracting(ObjectDiff::change)
                .containsOnly(ChangeType.DELETE)
                .hasSize(3);
        assertThat(diff.prune().toPrune()).isEmpty();
        assertThat(diff.prune().withheldBecauseEmpty()).isTrue();
        assertThat(diff.syncStatus()).isEqualTo(SyncStatus.OUT_OF_SYNC);
    }

    @Test
    void anObjectAnotherAppOwnsIsReported() {
        List<RenderedObject> wanted = new ManifestParser().parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: api-config, namespace: shop}
                """, null);

        ApplicationDiff diff = differ.compare(wanted, live);

        assertThat(diff.ownedByOtherApps())
                .extracting(identity -> identity.name())
                .containsExactly("api-config");
    }

    @Test
    void theAppsIgnoreRulesApply() {
        ApplicationDiffer withRules = new ApplicationDiffer("web", GoldenFiles.ignoreRules("ignore-pointer"), false);

        assertThat(withRules
                        .compare(GoldenFiles.desired("ignore-pointer"), GoldenFiles.live("ignore-pointer"))
                        .syncStatus())
                .isEqualTo(SyncStatus.SYNCED);
        assertThat(differ.compare(GoldenFiles.desired("ignore-pointer"), GoldenFiles.live("ignore-pointer"))
                        .syncStatus())
                .isEqualTo(SyncStatus.OUT_OF_SYNC);
    }
}
