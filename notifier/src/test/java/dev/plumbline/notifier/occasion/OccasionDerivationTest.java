package dev.plumbline.notifier.occasion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.EventSamples;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.application.SyncPolicy;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.testing.TestProjects;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.events.vocabulary.SyncStatus;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OccasionDerivationTest {

    private static final String SHA = "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5";
    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");
    private static final ObjectIdentity API = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "api");
    private static final ObjectIdentity SECRET = ObjectIdentity.namespaced("v1", "Secret", "shop", "db");
    private static final Instant NOW = Instant.now();

    private final OccasionDerivation derivation = new OccasionDerivation(Duration.ofMinutes(10));

    @Test
    void aDriftNamesItsObjectsFieldsAndWhoChangedThemAndSaysPlumblineWillHealIt() {
        Occurrence drift = only(derivation.derive(EventSamples.driftDetected(), Optional.empty(), NOW));

        assertThat(drift.occasion()).isEqualTo(NotificationOccasion.DRIFT_DETECTED);
        assertThat(drift.objects()).extracting(ObjectLine::status).containsExactly("modified", "deleted");
        assertThat(drift.objects().get(0).details()).containsExactly("spec.replicas: 3 → 5 (kubectl-edit, Update)");
        assertThat(drift.changedBy()).containsExactly("kubectl-edit");
        assertThat(drift.outcome()).contains("will heal");
    }

    @Test
    void aDriftUnderAPauseSaysWhoPausedAndThatNothingWillBeHealed() {
        DriftDetected paused = DriftDetected.of(
                "c",
                "web",
                "e1",
                SHA,
                DriftMode.HEAL,
                new SelfHealPause(null, "ana@example.com", "incident INC-42"),
                List.of());

        assertThat(only(derivation.derive(paused, Optional.empty(), NOW)).outcome())
                .contains("paused by ana@example.com", "INC-42", "will not heal");
    }

    @Test
    void secretValuesNeverReachAMessageEvenWhenUpstreamMaskingFailed() {
        DriftDetected drift = DriftDetected.of(
                "c",
                "web",
                "e1",
                SHA,
                DriftMode.WARN,
                null,
                List.of(new DriftedObject(
                        SECRET,
                        DriftKind.MODIFIED,
                        List.of(new DriftedField(
                                "data.password",
                                JsonNodeFactory.instance.textNode("hunter2"),
                                JsonNodeFactory.instance.textNode("s3cret"),
                                FieldManagerAttribution.unknown())))));

        Occurrence told = only(derivation.derive(drift, Optional.empty(), NOW));

        assertThat(told.objects().get(0).details()).containsExactly("data.password: (hidden) → (hidden)");
    }

    @Test
    void aSyncIsToldOnceWholeAndItsEarlierActionsAreHeldUntilThen() {
        ApplyAction first = action("s1", WEB, ApplyResult.SUCCEEDED, 1, 2, SyncTrigger.AUTOMATED);
        ApplyAction last = action("s1", API, ApplyResult.SUCCEEDED, 2, 2, SyncTrigger.AUTOMATED);

        OccasionDerivation.Derivation held = derivation.derive(first, Optional.empty(), NOW);
        OccasionDerivation.Derivation whole = derivation.derive(last, Optional.empty(), NOW);

        assertThat(held.held()).isTrue();
        assertThat(held.occurrences()).isEmpty();
        assertThat(whole.released()).containsExactly(first.eventId());
        Occurrence sync = only(whole);
        assertThat(sync.occasion()).isEqualTo(NotificationOccasion.SYNC_SUCCEEDED);
        assertThat(sync.objects()).hasSize(2);
        assertThat(sync.sourceEventIds()).containsExactly(first.eventId(), last.eventId());
    }

    @Test
    void aSyncOfTheRevisionAlreadyDeployedAndAHealAreNoNewsButAFailureIs() {
        derivation.derive(action("s1", WEB, ApplyResult.SUCCEEDED, 1, 1, SyncTrigger.AUTOMATED), Optional.empty(), NOW);

        assertThat(derivation
                        .derive(
                                action("s2", WEB, ApplyResult.SUCCEEDED, 1, 1, SyncTrigger.MANUAL),
                                Optional.empty(),
                                NOW)
                        .occurrences())
                .isEmpty();
        assertThat(derivation
                        .derive(
                                action("s3", WEB, ApplyResult.SUCCEEDED, 1, 1, SyncTrigger.SELF_HEAL),
                                Optional.empty(),
                                NOW)
                        .occurrences())
                .isEmpty();
        Occurrence failed = only(derivation.derive(
                action("s4", WEB, ApplyResult.FAILED, 1, 1, SyncTrigger.SELF_HEAL), Optional.empty(), NOW));
        assertThat(failed.occasion()).isEqualTo(NotificationOccasion.SYNC_FAILED);
        assertThat(failed.objects().get(0).details()).containsExactly("admission webhook denied the request");
    }

    @Test
    void aSyncWhoseLastActionNeverComesIsToldAsFailedWhenGivenUp() {
        ApplyAction first = action("s1", WEB, ApplyResult.SUCCEEDED, 1, 3, SyncTrigger.AUTOMATED);
        derivation.derive(first, Optional.empty(), NOW);

        OccasionDerivation.Derivation expired = derivation.expire(NOW.plus(Duration.ofMinutes(11)));

        assertThat(expired.released()).containsExactly(first.eventId());
        assertThat(only(expired).outcome()).contains("1 of the sync's 3 actions");
    }

    @Test
    void healthIsToldWhenItTurnsDegradedNotOnEveryDiffThatFindsItSo() {
        DiffComputed degraded = diff(HealthStatus.DEGRADED, SyncStatus.SYNCED, "d1");

        assertThat(only(derivation.derive(degraded, Optional.empty(), NOW)).occasion())
                .isEqualTo(NotificationOccasion.HEALTH_DEGRADED);
        assertThat(derivation
                        .derive(diff(HealthStatus.DEGRADED, SyncStatus.SYNCED, "d1"), Optional.empty(), NOW)
                        .occurrences())
                .isEmpty();
        derivation.derive(diff(HealthStatus.HEALTHY, SyncStatus.SYNCED, "d1"), Optional.empty(), NOW);
        assertThat(derivation.derive(degraded, Optional.empty(), NOW).occurrences())
                .hasSize(1);
    }

    @Test
    void outOfSyncIsToldForAManualAppOncePerPendingDiff() {
        ApplicationSpec spec = EventSamples.applicationSpec();
        ApplicationSpec manual = new ApplicationSpec(
                spec.eventId(),
                spec.schemaVersion(),
                spec.time(),
                spec.source(),
                spec.correlationId(),
                "web",
                spec.namespace(),
                1,
                spec.sourceSpec(),
                spec.destination(),
                SyncPolicy.manual(),
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                TestProjects.allowingEverything());

        assertThat(derivation
                        .derive(diff(HealthStatus.HEALTHY, SyncStatus.OUT_OF_SYNC, "d1"), Optional.of(manual), NOW)
                        .occurrences())
                .extracting(Occurrence::occasion)
                .containsExactly(NotificationOccasion.OUT_OF_SYNC);
        assertThat(derivation
                        .derive(diff(HealthStatus.HEALTHY, SyncStatus.OUT_OF_SYNC, "d1"), Optional.of(manual), NOW)
                        .occurrences())
                .isEmpty();
        assertThat(derivation
                        .derive(diff(HealthStatus.HEALTHY, SyncStatus.OUT_OF_SYNC, "d2"), Optional.of(manual), NOW)
                        .occurrences())
                .hasSize(1);
        assertThat(new OccasionDerivation(Duration.ofMinutes(1))
                        .derive(diff(HealthStatus.HEALTHY, SyncStatus.OUT_OF_SYNC, "d1"), Optional.of(spec), NOW)
                        .occurrences())
                .isEmpty();
    }

    @Test
    void aRenderFailureSaysWhereAndThatTheLastGoodRenderStaysInForce() {
        Occurrence failed = only(derivation.derive(EventSamples.renderFailed(), Optional.empty(), NOW));

        assertThat(failed.occasion()).isEqualTo(NotificationOccasion.RENDER_FAILED);
        assertThat(failed.facts())
                .containsEntry("file", "apps/web/service.yaml:12")
                .containsKey("error");
        assertThat(failed.outcome()).contains("last good render");
    }

    @Test
    void aCommitToldByTheAuditTrailNamesItsAuthorInLaterMessages() {
        AuditRecord commit = AuditRecord.next(
                null,
                EventSamples.commitDetected(),
                "web",
                AuditAction.COMMIT_DETECTED,
                "Ana Lima <ana@example.com>",
                "commit 9f8e7d on main: Scale web to 3",
                SHA,
                List.of(),
                null);
        derivation.derive(commit, Optional.empty(), NOW);

        Occurrence sync = only(derivation.derive(
                action("s1", WEB, ApplyResult.SUCCEEDED, 1, 1, SyncTrigger.AUTOMATED), Optional.empty(), NOW));

        assertThat(sync.commit().author()).isEqualTo("Ana Lima <ana@example.com>");
        assertThat(sync.changedBy()).containsExactly("Ana Lima <ana@example.com>");
    }

    @Test
    void pausesAndResumesFromTheAuditTrailAreToldWithWhoDidIt() {
        AuditRecord pause = AuditRecord.next(
                null,
                EventSamples.applicationSpec(),
                "web",
                AuditAction.PAUSED,
                "ana@example.com",
                "self-heal paused: incident INC-42",
                null,
                List.of(),
                null);
        AuditRecord resume = AuditRecord.next(
                pause,
                EventSamples.applicationSpec(),
                "web",
                AuditAction.RESUMED,
                "ben@example.com",
                "self-heal resumed",
                null,
                List.of(),
                null);

        Occurrence paused = only(derivation.derive(pause, Optional.empty(), NOW));
        Occurrence resumed = only(derivation.derive(resume, Optional.empty(), NOW));

        assertThat(paused.occasion()).isEqualTo(NotificationOccasion.SELF_HEAL_PAUSED);
        assertThat(paused.changedBy()).containsExactly("ana@example.com");
        assertThat(resumed.occasion()).isEqualTo(NotificationOccasion.SELF_HEAL_RESUMED);
        assertThat(paused.subject()).isNotEqualTo(resumed.subject());
    }

    private static Occurrence only(OccasionDerivation.Derivation derivation) {
        assertThat(derivation.occurrences()).hasSize(1);
        return derivation.occurrences().get(0);
    }

    private static ApplyAction action(
            String sync, ObjectIdentity object, ApplyResult result, int index, int count, SyncTrigger trigger) {
        return ApplyAction.of(
                "c",
                "web",
                SHA,
                sync,
                trigger,
                AuditRecord.PLUMBLINE_ACTOR,
                object,
                ApplyOperation.APPLY,
                result,
                result == ApplyResult.SUCCEEDED ? null : "admission webhook denied the request",
                index,
                count);
    }

    private static DiffComputed diff(HealthStatus health, SyncStatus status, String digest) {
        return DiffComputed.of(
                "c",
                "web",
                SHA,
                digest,
                status,
                health,
                List.of(new ObjectDiff(
                        WEB,
                        status == SyncStatus.SYNCED ? ChangeType.UNCHANGED : ChangeType.UPDATE,
                        health,
                        List.of())));
    }
}
