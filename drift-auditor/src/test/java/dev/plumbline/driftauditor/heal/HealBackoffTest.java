package dev.plumbline.driftauditor.heal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealBackoffTest {

    private final HealBackoff backoff =
            new HealBackoff(Duration.ofSeconds(2), 3, Duration.ofMinutes(5), Duration.ofMinutes(5));

    @ParameterizedTest(name = "after {0} requests the next waits {1} s")
    @CsvSource({"0, 0", "1, 2", "2, 6", "3, 18", "4, 54", "5, 162", "6, 300", "12, 300"})
    void theWaitGrowsThreefoldFromTwoSecondsAndStopsAtFiveMinutes(int sent, long seconds) {
        assertThat(backoff.delayAfter(sent)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void theFirstRequestGoesAtOnceAndTheSecondAfterTwoSeconds() {
        Instant now = Instant.parse("2026-11-27T15:00:00Z");
        assertThat(backoff.nextAllowedAt(now)).isEqualTo(now);
        backoff.requested(now);
        assertThat(backoff.nextAllowedAt(now)).isEqualTo(now.plusSeconds(2));
    }

    @Test
    void anAppLeftAloneForTheResetPeriodStartsAgainFromNoDelay() {
        Instant now = Instant.parse("2026-11-27T15:00:00Z");
        for (int i = 0; i < 5; i++) {
            backoff.requested(now);
        }
        Instant later = now.plus(Duration.ofMinutes(5));
        assertThat(backoff.nextAllowedAt(later)).isEqualTo(later);
        backoff.requested(later);
        assertThat(backoff.attempts()).isEqualTo(1);
    }
}
