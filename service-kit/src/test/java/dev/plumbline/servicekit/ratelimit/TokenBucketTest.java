package dev.plumbline.servicekit.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-11-27T15:00:00Z");

    @Test
    void oneASecondSpacesABurstASecondApart() {
        TokenBucket slack = new TokenBucket(1, 1);

        assertThat(slack.reserve(T0)).isZero();
        assertThat(slack.reserve(T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(slack.reserve(T0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void tryTakeTurnsTheExcessAwayWithTheWaitAndDoesNotPushARetryFurtherBack() {
        TokenBucket limit = new TokenBucket(0.5, 2);

        assertThat(limit.tryTake(T0)).isZero();
        assertThat(limit.tryTake(T0)).isZero();
        assertThat(limit.tryTake(T0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(limit.tryTake(T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(limit.tryTake(T0.plusSeconds(2))).isZero();
    }

    @Test
    void tokensComeBackWithTimeUpToTheBurst() {
        TokenBucket limit = new TokenBucket(2, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.reserve(T0)).isZero();
        }
        assertThat(limit.reserve(T0)).isEqualTo(Duration.ofMillis(500));

        TokenBucket rested = new TokenBucket(2, 3);
        rested.reserve(T0);
        assertThat(rested.reserve(T0.plusSeconds(60))).isZero();
        assertThat(rested.reserve(T0.plusSeconds(60))).isZero();
        assertThat(rested.reserve(T0.plusSeconds(60))).isZero();
        assertThat(rested.reserve(T0.plusSeconds(60))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aWaitingCallerIsHeldUntilItsTokenIsDue() {
        TokenBucket tenPerSecond = new TokenBucket(10, 1);
        tenPerSecond.acquire();
        long start = System.nanoTime();

        tenPerSecond.acquire();
        tenPerSecond.acquire();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aRateThatLetsNothingThroughIsRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1)).hasMessageContaining("positive rate");
        assertThatThrownBy(() -> new TokenBucket(1, 0)).hasMessageContaining("burst of at least 1");
    }
}
