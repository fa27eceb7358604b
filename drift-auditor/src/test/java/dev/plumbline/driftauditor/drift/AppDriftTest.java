package dev.plumbline.driftauditor.drift;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.rendered;
import static dev.plumbline.driftauditor.drift.DriftFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppDriftTest {

    private static final Instant START = Instant.parse("2026-11-27T15:00:00Z");
    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");
    private static final ObjectIdentity API = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "api");

    private final AppDrift app = new AppDrift("web", DriftSettings.defaults());
    private final ManifestsRendered webOnly = rendered("web", "aaa111", deployment("web", "web", 3));

    @BeforeEach
    void anAppInHealModeWithADesiredState() {
        app.specChanged(spec("web", DriftMode.HEAL, null));
        app.desiredChanged(webOnly, START);
    }

    @Test
    void aNewDesiredStateReleasesTheObjectsOfTheOldOneAndClaimsItsOwnTheSameOneAgainChangesNothing() {
        assertThat(app.desiredChanged(rendered("web", "aaa111", deployment("web", "web", 3)), START))
                .isEmpty();

        ManifestsRendered apiOnly = rendered("web", "bbb222", deployment("web", "api", 3));
        assertThat(app.desiredChanged(apiOnly, START))
                .hasValue(new AppDrift.DesiredReplaced(Set.of(ObjectKey.of(WEB)), Set.of(ObjectKey.of(API))));
        assertThat(app.desired()).hasValue(apiOnly);

        assertThat(app.desiredChanged(null, START))
                .hasValue(new AppDrift.DesiredReplaced(Set.of(ObjectKey.of(API)), Set.of()));
        assertThat(app.hasDesired()).isFalse();
    }

    @Test
    void anObjectSeenLiveIsRememberedUntilTheDesiredStateChanges() {
        app.evaluated(new DriftEvaluator.Result(Map.of(), null, Set.of(ObjectKey.of(WEB))), START);
        assertThat(app.wasSeenLive(ObjectKey.of(WEB))).isTrue();

        app.desiredChanged(rendered("web", "bbb222", deployment("web", "web", 4)), START);
        assertThat(app.wasSeenLive(ObjectKey.of(WEB))).isFalse();
    }

    @Test
    void driftOpensAnEpisodeANewObjectGrowsItAndItsEndSaysWhetherAHealWasAsked() {
        AppDrift.Evaluated opened = evaluate(drift(WEB), START);
        assertThat(opened.episode()).isEqualTo(new EpisodeTracker.Began(app.episodeId()));
        assertThat(app.drift()).containsOnlyKeys(ObjectKey.of(WEB));

        assertThat(evaluate(drift(WEB), START).episode()).isInstanceOf(EpisodeTracker.None.class);
        assertThat(evaluate(drift(WEB, API), START).episode()).isEqualTo(new EpisodeTracker.Grew(app.episodeId()));
        assertThat(app.requestHeal(START, drifted -> true))
                .extracting(DriftedObject::object)
                .containsExactlyInAnyOrder(WEB, API);

        String episode = app.episodeId();
        AppDrift.Evaluated recovered = evaluate(Map.of(), START.plusSeconds(5));
        assertThat(recovered.episode()).isEqualTo(new EpisodeTracker.Ended(episode, START, true, List.of(WEB, API)));
        assertThat(app.drifts()).isFalse();
        assertThat(app.episodeId()).isNull();
    }

    @Test
    void aSecondHealWaitsForTheBackoffAndTheTimerIsDueWhenItAllows() {
        evaluate(drift(WEB), START);
        assertThat(app.requestHeal(START, drifted -> true)).hasSize(1);

        evaluate(drift(WEB), START.plusSeconds(1));
        assertThat(app.requestHeal(START.plusSeconds(1), drifted -> true)).isEmpty();
        assertThat(app.dueAt(START.plusSeconds(1))).isFalse();
        assertThat(app.dueAt(START.plusSeconds(2))).isTrue();
        assertThat(app.requestHeal(START.plusSeconds(2), drifted -> true)).hasSize(1);
    }

    @Test
    void aSuccessfulSyncThatWasNotAHealLetsTheNextHealGoAtOnce() {
        evaluate(drift(WEB), START);
        app.requestHeal(START, drifted -> true);

        app.syncSucceeded();
        assertThat(app.requestHeal(START.plusSeconds(1), drifted -> true)).hasSize(1);
    }

    @Test
    void aPauseIsReportedAndTheTimerIsDueWhenItEnds() {
        Instant until = START.plus(Duration.ofHours(2));
        app.specChanged(spec("web", DriftMode.HEAL, new SelfHealPause(until, "ana", "incident 42")));

        assertThat(evaluate(drift(WEB), START).paused()).isTrue();
        assertThat(app.dueAt(until.minusSeconds(1))).isFalse();
        assertThat(app.dueAt(until)).isTrue();
        assertThat(evaluate(drift(WEB), until).paused()).isFalse();
    }

    @Test
    void anAppNoLongerComparedHasNoDriftAndNothingToLookAgainFor() {
        evaluate(drift(WEB), START);
        app.requestHeal(START, drifted -> true);
        app.specChanged(spec("web", DriftMode.OFF, null));
        assertThat(app.compared()).isFalse();

        app.notCompared();
        assertThat(app.drift()).isEmpty();
        assertThat(app.dueAt(START.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void anAppIsIdleOnlyWithoutSpecDesiredStateAndOpenEpisode() {
        evaluate(drift(WEB), START);
        app.specChanged(null);
        app.desiredChanged(null, START);
        app.notCompared();
        assertThat(app.knownByOrphansOnly()).isTrue();
        assertThat(app.idle()).as("its episode is still open").isFalse();

        evaluate(Map.of(), START);
        assertThat(app.idle()).isTrue();
    }

    private AppDrift.Evaluated evaluate(Map<ObjectKey, DriftedObject> drift, Instant now) {
        return app.evaluated(new DriftEvaluator.Result(drift, null, Set.of()), now);
    }

    private static Map<ObjectKey, DriftedObject> drift(ObjectIdentity... objects) {
        Map<ObjectKey, DriftedObject> drift = new LinkedHashMap<>();
        for (ObjectIdentity object : objects) {
            drift.put(
                    ObjectKey.of(object),
                    new DriftedObject(
                            object,
                            DriftKind.MODIFIED,
                            List.of(new DriftedField("spec.replicas", IntNode.valueOf(3), IntNode.valueOf(5), null))));
        }
        return drift;
    }
}
