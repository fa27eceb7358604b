package dev.plumbline.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentilesAreMeasuredValuesByNearestRank() {
        List<Duration> samples = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> Duration.ofMillis(101 - i))
                .toList();

        Percentiles percentiles = Percentiles.of(samples);

        assertThat(percentiles.p50()).isEqualTo(Duration.ofMillis(50));
        assertThat(percentiles.p99()).isEqualTo(Duration.ofMillis(99));
        assertThat(percentiles.max()).isEqualTo(Duration.ofMillis(100));
        assertThat(percentiles).hasToString("p50 50 ms · p99 99 ms · max 100 ms (100 samples)");
    }

    @Test
    void withFewSamplesTheP99IsTheSlowest() {
        Percentiles percentiles =
                Percentiles.of(List.of(Duration.ofMillis(30), Duration.ofMillis(10), Duration.ofMillis(20)));

        assertThat(percentiles.p50()).isEqualTo(Duration.ofMillis(20));
        assertThat(percentiles.p99()).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void noSamplesIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).hasMessage("no samples to take percentiles of");
    }
}
