package dev.plumbline.driftauditor.drift;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.live;
import static dev.plumbline.driftauditor.drift.DriftFixtures.rendered;
import static dev.plumbline.driftauditor.drift.DriftFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.DriftResolution;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriftMonitorTest extends DriftMonitorFixture {

    @BeforeEach
    void anAppWhoseDeploymentIsLiveAsDesired() {
        liveAsDesired(spec("web", DriftMode.HEAL, null), rendered("web", "aaa111", desired));
        assertThat(published).isEmpty();
    }

    @Test
    void aChangeByAnotherManagerIsOneAlertNamingItAndTheFieldThenOneHealRequest() {
        change(live(desired, 5, "kubectl-edit", START));
        change(live(desired, 6, "kubectl-edit", START));

        DriftDetected alert = only(DriftDetected.class);
        assertThat(alert.mode()).isEqualTo(DriftMode.HEAL);
        assertThat(alert.pause()).isNull();
        assertThat(alert.objects()).singleElement().satisfies(object -> {
            assertThat(object.kind()).isEqualTo(DriftKind.MODIFIED);
            assertThat(object.fields()).singleElement().satisfies(field -> {
                assertThat(field.path()).isEqualTo("spec.replicas");
                assertThat(field.changedBy().manager()).isEqualTo("kubectl-edit");
                assertThat(field.desired().asInt()).isEqualTo(3);
                assertThat(field.live().asInt()).isEqualTo(5);
            });
        });
        SyncRequested heal = only(SyncRequested.class);
        assertThat(heal.trigger()).isEqualTo(SyncTrigger.SELF_HEAL);
        assertThat(heal.reason()).startsWith("drift: spec.replicas changed by kubectl-edit");
        assertThat(heal.objects())
                .singleElement()
                .satisfies(o -> assertThat(o.name()).isEqualTo("web"));
        assertThat(heal.correlationId()).isEqualTo(alert.correlationId()).isEqualTo("corr-aaa111");
    }

    @Test
    void whenLiveMatchesAgainTheEpisodeEndsHealed() {
        change(live(desired, 5, "kubectl-edit", START));
        change(live(desired, 3, "plumbline", START));

        DriftRecovered recovered = only(DriftRecovered.class);
        assertThat(recovered.resolution()).isEqualTo(DriftResolution.HEALED);
        assertThat(recovered.episodeId()).isEqualTo(only(DriftDetected.class).episodeId());
    }

    @Test
    void plumblinesOwnAppliesAreNotDrift() {
        change(live(desired, 7, "plumbline", START));

        assertThat(published).isEmpty();
    }

    @Test
    void inWarnModeDriftIsReportedAndNothingIsHealed() {
        monitor.specChanged("web", spec("web", DriftMode.WARN, null));
        change(live(desired, 5, "kubectl-edit", START));

        assertThat(only(DriftDetected.class).willHeal()).isFalse();
        assertThat(all(SyncRequested.class)).isEmpty();
    }

    @Test
    void duringAPauseDriftIsReportedAsPausedAndHealedOnlyAfterItExpires() {
        SelfHealPause pause = new SelfHealPause(START.plus(Duration.ofHours(2)), "ana", "incident 42");
        monitor.specChanged("web", spec("web", DriftMode.HEAL, pause));
        change(live(desired, 5, "kubectl-edit", START));

        assertThat(only(DriftDetected.class).pause()).isEqualTo(pause);
        assertThat(all(SyncRequested.class)).isEmpty();

        clock.advance(Duration.ofHours(2));
        monitor.tick();
        assertThat(only(SyncRequested.class).objects()).hasSize(1);
    }

    @Test
    void anExplicitResumeHealsAtOnce() {
        monitor.specChanged("web", spec("web", DriftMode.HEAL, new SelfHealPause(null, "ana", "")));
        change(live(desired, 5, "kubectl-edit", START));
        assertThat(all(SyncRequested.class)).isEmpty();

        monitor.specChanged("web", spec("web", DriftMode.HEAL, null));
        assertThat(all(SyncRequested.class)).hasSize(1);
    }

    @Test
    void healRequestsOfAnAppBackOffWhileTheDriftPersists() {
        change(live(desired, 5, "kubectl-edit", START));
        assertThat(all(SyncRequested.class)).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        monitor.tick();
        assertThat(all(SyncRequested.class)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        monitor.tick();
        assertThat(all(SyncRequested.class)).hasSize(2);
        clock.advance(Duration.ofSeconds(5));
        monitor.tick();
        assertThat(all(SyncRequested.class)).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        monitor.tick();
        assertThat(all(SyncRequested.class)).hasSize(3);
    }

    @Test
    void aSuccessfulSyncThatWasNotAHealStartsTheHealBackoffAgain() {
        change(live(desired, 5, "kubectl-edit", clock.instant()));
        for (int wait : new int[] {2, 6, 18}) {
            clock.advance(Duration.ofSeconds(wait));
            monitor.tick();
        }
        assertThat(all(SyncRequested.class))
                .as("heal requests before the next waits 54 s")
                .hasSize(4);

        clock.advance(Duration.ofSeconds(4));
        syncSucceeded(SyncTrigger.MANUAL);
        change(live(desired, 3, "plumbline", clock.instant()));
        clock.advance(Duration.ofSeconds(9));
        change(live(desired, 6, "kubectl-scale", clock.instant()));

        assertThat(all(SyncRequested.class))
                .as("the heal of the drift after the manual sync goes at once")
                .hasSize(5);
    }

    @Test
    void aSuccessfulHealDoesNotStartTheHealBackoffAgain() {
        change(live(desired, 5, "kubectl-edit", clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        syncSucceeded(SyncTrigger.SELF_HEAL);
        change(live(desired, 3, "plumbline", clock.instant()));
        change(live(desired, 6, "hpa-controller", clock.instant()));

        assertThat(all(SyncRequested.class)).as("the second heal waits its 2 s").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        monitor.tick();
        assertThat(all(SyncRequested.class)).hasSize(2);
    }

    @Test
    void aFailedSyncDoesNotStartTheHealBackoffAgain() {
        change(live(desired, 5, "kubectl-edit", clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        monitor.applied(action(SyncTrigger.MANUAL, ApplyResult.FAILED, 1, 2));
        monitor.applied(action(SyncTrigger.MANUAL, ApplyResult.SUCCEEDED, 2, 2));
        change(live(desired, 6, "kubectl-edit", clock.instant()));

        assertThat(all(SyncRequested.class)).hasSize(1);
    }

    @Test
    void aFieldRevertedMoreThanThreeTimesIsAFightAndIsNoLongerHealed() {
        for (int revert = 0; revert <= 4; revert++) {
            change(live(desired, 5, "hpa-controller", clock.instant()));
            change(live(desired, 3, "plumbline", clock.instant()));
            clock.advance(Duration.ofMinutes(1));
        }
        SelfHealFight fight = only(SelfHealFight.class);
        assertThat(fight.path()).isEqualTo("spec.replicas");
        assertThat(fight.opponent().manager()).isEqualTo("hpa-controller");
        assertThat(fight.reverts()).isEqualTo(4);
        int heals = all(SyncRequested.class).size();

        change(live(desired, 5, "hpa-controller", clock.instant()));
        clock.advance(Duration.ofMinutes(10));
        monitor.tick();
        assertThat(all(SyncRequested.class)).hasSize(heals);

        monitor.desiredChanged("web", rendered("web", "bbb222", desired));
        assertThat(all(SyncRequested.class)).hasSize(heals + 1);
    }

    @Test
    void aDeletedManagedObjectIsDriftAtOnce() {
        cache.remove(ObjectKey.of(desired));
        monitor.liveChanged(live(desired, 3, "plumbline", START), null);

        assertThat(only(DriftDetected.class).objects())
                .singleElement()
                .satisfies(object -> assertThat(object.kind()).isEqualTo(DriftKind.DELETED));
    }

    @Test
    void anObjectThatWasNeverCreatedIsMissingNotDrift() {
        ObjectNode never = deployment("web", "never-created", 1);
        monitor.desiredChanged("web", rendered("web", "eee555", desired, never));
        clock.advance(Duration.ofMinutes(1));
        monitor.tick();
        monitor.compareAll();

        assertThat(published).isEmpty();
    }

    @Test
    void anObjectSeenLiveThatIsGoneAtAFullComparisonIsDeletedDrift() {
        cache.remove(ObjectKey.of(desired));
        monitor.compareAll();

        assertThat(only(DriftDetected.class).objects())
                .singleElement()
                .satisfies(object -> assertThat(object.kind()).isEqualTo(DriftKind.DELETED));
    }

    @Test
    void aTrackedObjectNoAppWantsIsAnOrphan() {
        ObjectNode stray = deployment("gone", "stray", 1);
        ((ObjectNode) stray.get("metadata")).put("resourceVersion", "1");
        change(stray);

        DriftDetected alert = only(DriftDetected.class);
        assertThat(alert.app()).isEqualTo("gone");
        assertThat(alert.mode()).isEqualTo(DriftMode.WARN);
        assertThat(alert.objects())
                .singleElement()
                .satisfies(object -> assertThat(object.kind()).isEqualTo(DriftKind.ORPHAN));
    }

    @Test
    void anObjectPlumblineJustCreatedIsGivenTimeBeforeItCountsAsAnOrphan() {
        ObjectNode next = deployment("web", "next", 1);
        change(live(next, 1, "plumbline", START));
        assertThat(published).isEmpty();

        monitor.desiredChanged("web", rendered("web", "ccc333", desired, next));
        clock.advance(Duration.ofSeconds(11));
        monitor.tick();
        assertThat(published).isEmpty();
    }

    @Test
    void whenGitChangesToWhatIsLiveTheEpisodeEndsAsDesiredChanged() {
        monitor.specChanged("web", spec("web", DriftMode.WARN, null));
        change(live(desired, 5, "kubectl-edit", START));

        monitor.desiredChanged("web", rendered("web", "ddd444", deployment("web", "web", 5)));
        assertThat(only(DriftRecovered.class).resolution()).isEqualTo(DriftResolution.DESIRED_CHANGED);
    }

    private void syncSucceeded(SyncTrigger trigger) {
        monitor.applied(action(trigger, ApplyResult.SUCCEEDED, 1, 1));
    }

    private static ApplyAction action(SyncTrigger trigger, ApplyResult result, int index, int count) {
        return ApplyAction.of(
                "corr-aaa111",
                "web",
                "aaa111",
                "sync-" + trigger.label(),
                trigger,
                "ana",
                rendered("web", "aaa111", deployment("web", "web", 3))
                        .objects()
                        .get(0)
                        .identity(),
                ApplyOperation.APPLY,
                result,
                result == ApplyResult.SUCCEEDED ? null : "refused by admission",
                index,
                count);
    }
}
