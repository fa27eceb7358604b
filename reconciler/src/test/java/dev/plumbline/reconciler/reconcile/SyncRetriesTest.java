package dev.plumbline.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.application.Retry;
import dev.plumbline.reconciler.apply.ApplyFailure.Retrying;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncRetriesTest {

    private static final Retry RETRY = new Retry(5, Duration.ofSeconds(5), 2, Duration.ofMinutes(3));

    @Test
    void aLimitedCauseBacksOffAndStopsAfterTheLimit() {
        assertThat(SyncRetries.wait(1, RETRY, Retrying.LIMITED)).contains(Duration.ofSeconds(5));
        assertThat(SyncRetries.wait(3, RETRY, Retrying.LIMITED)).contains(Duration.ofSeconds(20));
        assertThat(SyncRetries.wait(5, RETRY, Retrying.LIMITED)).contains(Duration.ofSeconds(80));
        assertThat(SyncRetries.wait(6, RETRY, Retrying.LIMITED)).isEmpty();
    }

    @Test
    void aCauseThatCanGoAwayIsRetriedAtTheCappedWaitForever() {
        assertThat(SyncRetries.wait(6, RETRY, Retrying.UNTIL_IT_PASSES)).contains(Duration.ofSeconds(160));
        assertThat(SyncRetries.wait(7, RETRY, Retrying.UNTIL_IT_PASSES)).contains(Duration.ofMinutes(3));
        assertThat(SyncRetries.wait(10_000, RETRY, Retrying.UNTIL_IT_PASSES)).contains(Duration.ofMinutes(3));
    }

    @Test
    void anInvalidManifestIsNotRetried() {
        assertThat(SyncRetries.wait(1, RETRY, Retrying.NEVER)).isEqualTo(Optional.empty());
    }
}
