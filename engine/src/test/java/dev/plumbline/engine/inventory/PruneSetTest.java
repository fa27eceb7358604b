package dev.plumbline.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.testing.GoldenFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PruneSetTest {

    private final List<JsonNode> live = GoldenFiles.live("prune");

    @Test
    void onlyOwnedObjectsGitNoLongerHasArePrunedInReverseApplyOrder() {
        PrunePlan plan = PruneSet.plan("web", GoldenFiles.desired("prune"), live, false);

        assertThat(plan.toPrune()).extracting(PruneSetTest::label).containsExactlyElementsOf(expected());
        assertThat(plan.notInGit()).isEqualTo(plan.toPrune());
        assertThat(plan.withheldBecauseEmpty()).isFalse();
    }

    @Test
    void anEmptyRenderPrunesNothingAndSaysWhy() {
        PrunePlan plan = PruneSet.plan("web", List.of(), live, false);

        assertThat(plan.toPrune()).isEmpty();
        assertThat(plan.withheldBecauseEmpty()).isTrue();
        assertThat(plan.notInGit())
                .extracting(PruneSetTest::label)
                .containsExactlyInAnyOrder("Deployment web", "Service old-web", "ConfigMap old-config");
    }

    @Test
    void anEmptyRenderWithAllowEmptyPrunesEverythingTheAppOwns() {
        PrunePlan plan = PruneSet.plan("web", List.of(), live, true);

        assertThat(plan.toPrune())
                .extracting(PruneSetTest::label)
                .containsExactly("Deployment web", "Service old-web", "ConfigMap old-config");
        assertThat(plan.withheldBecauseEmpty()).isFalse();
    }

    @Test
    void anotherAppsObjectsAreNeverInThePruneSet() {
        PrunePlan plan = PruneSet.plan("api", List.of(), live, true);

        assertThat(plan.toPrune()).extracting(PruneSetTest::label).containsExactly("ConfigMap api-config");
    }

    @Test
    void theInventoryIsWhatTheTrackingMarksNameWithoutControlledObjects() {
        Inventory inventory = Inventory.of("web", live);

        assertThat(inventory.objects())
                .extracting(PruneSetTest::label)
                .containsExactly("Deployment web", "ConfigMap old-config", "Service old-web");
    }

    @Test
    void trackedObjectsOfNoKnownAppAreOrphans() {
        List<JsonNode> orphans = Inventory.orphans(Set.of("web"), live);

        assertThat(orphans).extracting(PruneSetTest::label).containsExactly("ConfigMap api-config");
    }

    @Test
    void aConfigMapLabelledByHandWithTheAppsMarksIsKeptAndReported() {
        PrunePlan plan = PruneSet.plan("web", GoldenFiles.desired("prune"), live, false);

        assertThat(plan.toPrune()).extracting(PruneSetTest::label).doesNotContain("ConfigMap hand-labelled");
        assertThat(plan.unproven())
                .filteredOn(unproven -> label(unproven.object()).equals("ConfigMap hand-labelled"))
                .singleElement()
                .extracting(Unproven::reason)
                .asString()
                .contains("no plumbline.dev/tracking-id")
                .contains("delete it by hand");
    }

    @Test
    void anObjectWhoseTrackingIdWasCopiedFromAnotherObjectIsKeptAndReported() {
        PrunePlan plan = PruneSet.plan("web", GoldenFiles.desired("prune"), live, true);

        assertThat(plan.toPrune()).extracting(PruneSetTest::label).doesNotContain("ConfigMap copied-marks");
        assertThat(plan.unproven())
                .filteredOn(unproven -> label(unproven.object()).equals("ConfigMap copied-marks"))
                .singleElement()
                .extracting(Unproven::reason)
                .asString()
                .contains("web:/ConfigMap:shop/old-config")
                .contains("names another object");
    }

    @Test
    void aTrackingIdNamingAnotherAppDoesNotMakeTheObjectThisAppsToPrune() {
        PrunePlan plan = PruneSet.plan("api", List.of(), live, true);

        assertThat(plan.unproven()).isEmpty();
        assertThat(plan.toPrune()).extracting(PruneSetTest::label).containsExactly("ConfigMap api-config");
    }

    private static List<String> expected() {
        List<String> names = new ArrayList<>();
        GoldenFiles.expected("prune").forEach(line -> names.add(line.asText()));
        return names;
    }

    private static String label(JsonNode body) {
        return body.path("kind").asText() + " "
                + body.path("metadata").path("name").asText();
    }
}
