package dev.plumbline.gitwatcher.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff =
            new Backoff(Duration.ofSeconds(60), 0.1, Duration.ofSeconds(5), Duration.ofMinutes(5));

    @Test
    void failuresDoubleTheWaitUpToTheLongest() {
        assertThat(backoff.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.backoff(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.backoff(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyDelayIsSpreadWithinTheJitterSoRepositoriesDoNotFetchTogether() {
        Random random = new Random(7);
        Duration lowest = Duration.ofDays(1);
        Duration highest = Duration.ZERO;
        for (int i = 0; i < 1000; i++) {
            Duration next = backoff.next(0, random);
            lowest = next.compareTo(lowest) < 0 ? next : lowest;
            highest = next.compareTo(highest) > 0 ? next : highest;
        }
        assertThat(lowest).isBetween(Duration.ofSeconds(54), Duration.ofSeconds(56));
        assertThat(highest).isBetween(Duration.ofSeconds(64), Duration.ofSeconds(66));
    }

    @Test
    void aJitterOfOneOrMoreIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("jitter");
    }
}
