package dev.plumbline.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RateLimitTest {

    private static final Instant T0 = Instant.parse("2026-11-27T15:00:00Z");

    @Test
    void one_a_second_spaces_a_burst_a_second_apart() {
        RateLimit slack = new RateLimit(1, 1);

        assertThat(slack.reserve(T0)).isZero();
        assertThat(slack.reserve(T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(slack.reserve(T0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void tokens_come_back_with_time_up_to_the_burst() {
        RateLimit limit = new RateLimit(2, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.reserve(T0)).isZero();
        }
        assertThat(limit.reserve(T0)).isEqualTo(Duration.ofMillis(500));

        RateLimit rested = new RateLimit(2, 3);
        rested.reserve(T0);
        assertThat(rested.reserve(T0.plusSeconds(60))).isZero();
        assertThat(rested.reserve(T0.plusSeconds(60))).isZero();
        assertThat(rested.reserve(T0.plusSeconds(60))).isZero();
        assertThat(rested.reserve(T0.plusSeconds(60))).isEqualTo(Duration.ofMillis(500));
    }
}
