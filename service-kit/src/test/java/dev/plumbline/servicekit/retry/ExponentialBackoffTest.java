package dev.plumbline.servicekit.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExponentialBackoffTest {

    private final ExponentialBackoff doubling =
            new ExponentialBackoff(Duration.ofSeconds(5), 2, Duration.ofMinutes(5), 0.2);

    @Test
    void eachFailureMultipliesTheWaitUpToTheLongest() {
        assertThat(doubling.delay(0)).isZero();
        assertThat(doubling.delay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(doubling.delay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(doubling.delay(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(doubling.delay(7)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aThousandFailuresWaitTheLongestRatherThanOverflow() {
        assertThat(doubling.delay(1000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(doubling.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aFactorOfThreeTriples() {
        ExponentialBackoff tripling = new ExponentialBackoff(Duration.ofSeconds(2), 3, Duration.ofMinutes(5), 0);

        assertThat(tripling.delay(3)).isEqualTo(Duration.ofSeconds(18));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 0.5, 0.999})
    void jitterSpreadsAWaitByAtMostItsFractionEitherWay(double random) {
        assertThat(doubling.delay(4, () -> random)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(48));
    }

    @Test
    void aMiddleRandomNumberLeavesTheWaitAsItIs() {
        assertThat(doubling.delay(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void settingsThatMakeNoBackoffAreRefused() {
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(5), 0))
                .hasMessageContaining("factor >= 1");
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(10), 2, Duration.ofSeconds(5), 0))
                .hasMessageContaining("longest wait");
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(5), 1.0))
                .hasMessageContaining("jitter");
    }
}
