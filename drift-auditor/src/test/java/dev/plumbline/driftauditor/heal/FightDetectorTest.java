package dev.plumbline.driftauditor.heal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.DriftKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FightDetectorTest {

    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");
    private static final ObjectKey KEY = ObjectKey.of(WEB);
    private static final DriftedObject DRIFTED = new DriftedObject(
            WEB,
            DriftKind.MODIFIED,
            List.of(new DriftedField(
                    "spec.replicas",
                    IntNode.valueOf(3),
                    IntNode.valueOf(5),
                    new FieldManagerAttribution("hpa", "Update", null))));

    private final FightDetector fights = new FightDetector(3, Duration.ofMinutes(10));
    private Instant now = Instant.parse("2026-11-27T15:00:00Z");

    @Test
    void theFourthRevertWithinTheWindowIsAFightReportedOnce() {
        assertThat(cycle()).isEmpty();
        assertThat(cycle()).isEmpty();
        assertThat(cycle()).isEmpty();
        assertThat(cycle()).isEmpty();
        List<Fight> begun = cycle();

        assertThat(begun).singleElement().satisfies(fight -> {
            assertThat(fight.path()).isEqualTo("spec.replicas");
            assertThat(fight.opponent().manager()).isEqualTo("hpa");
            assertThat(fight.reverts()).isEqualTo(4);
        });
        assertThat(fights.contested(KEY, DRIFTED)).isTrue();
    }

    @Test
    void revertsFurtherApartThanTheWindowAreNoFight() {
        for (int i = 0; i < 8; i++) {
            assertThat(cycle()).isEmpty();
            now = now.plus(Duration.ofMinutes(4));
        }
    }

    @Test
    void someoneActingClearsTheFight() {
        for (int i = 0; i < 5; i++) {
            cycle();
        }
        fights.clear();
        assertThat(fights.contested(KEY, DRIFTED)).isFalse();
    }

    @Test
    void driftThatWasNeverHealedIsNoRevert() {
        for (int i = 0; i < 6; i++) {
            assertThat(fights.observe(Map.of(KEY, DRIFTED), now)).isEmpty();
            fights.observe(Map.of(), now);
        }
    }

    /** The field drifts, a heal is asked for, the heal takes: one revert when it drifts the next time. */
    private List<Fight> cycle() {
        List<Fight> begun = fights.observe(Map.of(KEY, DRIFTED), now);
        if (!fights.contested(KEY, DRIFTED)) {
            fights.healRequested(List.of(DRIFTED), Map.of(KEY, DRIFTED));
        }
        fights.observe(Map.of(), now);
        now = now.plusSeconds(30);
        return begun;
    }
}
