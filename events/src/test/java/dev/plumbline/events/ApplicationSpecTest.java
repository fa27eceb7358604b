package dev.plumbline.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.application.SyncPolicy;
import dev.plumbline.events.vocabulary.DriftMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApplicationSpecTest {

    private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");

    @ParameterizedTest(name = "automated={0}, selfHeal={1}, declared={2} gives {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                "false, false, none, WARN",
                "true,  false, none, WARN",
                "true,  true,  none, HEAL",
                "true,  true,  OFF,  OFF",
                "false, false, HEAL, HEAL"
            })
    void theDriftModeDefaultsToHealOnlyWhenSelfHealIsOn(
            boolean automated, boolean selfHeal, DriftMode declared, DriftMode expected) {
        SyncPolicy policy = automated ? SyncPolicy.automated(false, selfHeal) : SyncPolicy.manual();

        assertThat(spec(policy, declared, null).effectiveDriftMode()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "pause until {0} is in force at noon: {1}")
    @CsvSource(
            nullValues = "none",
            value = {
                "2026-11-27T13:00:00Z, true",
                "2026-11-27T12:00:00Z, false",
                "2026-11-27T11:00:00Z, false",
                "none,                 true"
            })
    void aSelfHealPauseEndsAtItsExpiry(Instant until, boolean paused) {
        SelfHealPause pause = new SelfHealPause(until, "ana@example.com", "incident");

        assertThat(spec(SyncPolicy.automated(true, true), null, pause).selfHealPausedAt(NOON))
                .isEqualTo(paused);
    }

    @Test
    void imagePoliciesAreNeverNullAndDoNotChangeWhatIsRendered() {
        ApplicationSpec plain = spec(SyncPolicy.manual(), null, null);
        ApplicationSpec following = plain.withImages(List.of(ImagePolicy.semver("registry.example.com/web", "~1.2")));

        assertThat(plain.images()).isEmpty();
        assertThat(following.images()).hasSize(1);
        assertThat(following.sourceDigest()).isEqualTo(plain.sourceDigest());
    }

    private static ApplicationSpec spec(SyncPolicy policy, DriftMode driftMode, SelfHealPause pause) {
        return ApplicationSpec.of(
                "web",
                "plumbline",
                1,
                SourceSpec.of("https://git.example.com/shop.git", "main", "apps/web"),
                Destination.of("shop"),
                policy,
                driftMode,
                List.of(),
                List.of(),
                pause,
                null);
    }
}
