package dev.plumbline.reconciler.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.DriftResolution;
import dev.plumbline.reconciler.application.ApplicationStatusModel.DriftSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftSummariesTest {

    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");
    private static final ObjectIdentity SETTINGS = ObjectIdentity.namespaced("v1", "ConfigMap", "shop", "settings");

    @Test
    void aDriftAlertSummarisesWhatDriftedAndWhoChangedItSortedWithoutUnknownManagers() {
        DriftSummary summary = DriftSummaries.next(
                null,
                List.of(detected(
                        "e1",
                        DriftMode.HEAL,
                        null,
                        object(WEB, field("spec.replicas", "kubectl-edit"), field("spec.paused", "unknown")),
                        object(SETTINGS, field("data.color", "alice"), field("data.size", "kubectl-edit")))));

        assertThat(summary.episodeId).isEqualTo("e1");
        assertThat(summary.mode).isEqualTo("heal");
        assertThat(summary.revision).isEqualTo("rev1");
        assertThat(summary.objects).isEqualTo(2);
        assertThat(summary.fields).isEqualTo(4);
        assertThat(summary.healing).isTrue();
        assertThat(summary.changedBy).containsExactly("alice", "kubectl-edit");
    }

    @Test
    void deletedAndOrphanedObjectsAreCountedApartFromDriftedFields() {
        DriftSummary summary = DriftSummaries.next(
                null,
                List.of(detected(
                        "e1",
                        DriftMode.HEAL,
                        null,
                        new DriftedObject(WEB, DriftKind.DELETED, List.of()),
                        new DriftedObject(SETTINGS, DriftKind.ORPHAN, List.of()))));

        assertThat(summary.objects).isEqualTo(2);
        assertThat(summary.fields).isZero();
        assertThat(summary.deleted).isEqualTo(1);
        assertThat(summary.orphans).isEqualTo(1);
    }

    @Test
    void anEpisodeThatGrowsKeepsWhenItWasDetected() {
        DriftDetected first = detected("e1", DriftMode.WARN, null, object(WEB, field("spec.replicas", "kubectl-edit")));
        DriftDetected grown = detected(
                "e1",
                DriftMode.WARN,
                null,
                object(WEB, field("spec.replicas", "kubectl-edit")),
                object(SETTINGS, field("data.color", "helm")));
        DriftSummary summary = DriftSummaries.next(null, List.of(first, grown));

        assertThat(summary.detectedAt).isEqualTo(first.time().toString());
        assertThat(summary.objects).isEqualTo(2);
        assertThat(summary.healing).as("warn mode does not heal").isFalse();
        assertThat(summary.changedBy).containsExactly("helm", "kubectl-edit");
    }

    @Test
    void driftDuringAPauseIsNotHealing() {
        DriftSummary summary = DriftSummaries.next(
                null,
                List.of(detected(
                        "e1",
                        DriftMode.HEAL,
                        new SelfHealPause(null, "alice", "incident"),
                        object(WEB, field("spec.replicas", "kubectl-edit")))));

        assertThat(summary.healing).isFalse();
    }

    @Test
    void aFightStopsHealingForTheRestOfItsEpisode() {
        DriftSummary fought = DriftSummaries.next(
                null,
                List.of(
                        detected("e1", DriftMode.HEAL, null, object(WEB, field("spec.replicas", "hpa"))),
                        SelfHealFight.of(
                                "c",
                                "shop",
                                "e1",
                                WEB,
                                "spec.replicas",
                                new FieldManagerAttribution("hpa", "Update", null),
                                5,
                                Duration.ofMinutes(10)),
                        detected(
                                "e1",
                                DriftMode.HEAL,
                                null,
                                object(WEB, field("spec.replicas", "hpa")),
                                object(SETTINGS, field("data.color", "alice")))));

        assertThat(fought.healing).isFalse();
        assertThat(fought.objects).isEqualTo(2);
    }

    @Test
    void theRecoveryOfTheEpisodeClearsTheSummaryAndThatOfAnOlderOneDoesNot() {
        DriftSummary current = DriftSummaries.next(
                null,
                List.of(detected("e2", DriftMode.HEAL, null, object(WEB, field("spec.replicas", "kubectl-edit")))));

        assertThat(DriftSummaries.next(current, List.of(recovered("e1")))).isEqualTo(current);
        assertThat(DriftSummaries.next(current, List.of(recovered("e2")))).isNull();
    }

    private static DriftDetected detected(
            String episode, DriftMode mode, SelfHealPause pause, DriftedObject... objects) {
        return DriftDetected.of("c", "shop", episode, "rev1", mode, pause, List.of(objects));
    }

    private static DriftRecovered recovered(String episode) {
        return DriftRecovered.of(
                "c", "shop", episode, Instant.parse("2026-11-27T10:00:00Z"), DriftResolution.HEALED, List.of(WEB));
    }

    private static DriftedObject object(ObjectIdentity identity, DriftedField... fields) {
        return new DriftedObject(identity, DriftKind.MODIFIED, List.of(fields));
    }

    private static DriftedField field(String path, String manager) {
        return new DriftedField(
                path, IntNode.valueOf(1), IntNode.valueOf(2), new FieldManagerAttribution(manager, "Update", null));
    }
}
