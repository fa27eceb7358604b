package dev.plumbline.driftauditor.audit;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.driftauditor.drift.MutableClock;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreRetryTest {

    private static final ExponentialBackoff BACKOFF =
            new ExponentialBackoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(5), 0);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T15:00:00Z"));
    private final FailingStore store = new FailingStore();
    private final List<Duration> waits = new ArrayList<>();
    private final AuditRecorder recorder = new AuditRecorder(
            new AuditTrail(
                    clock,
                    100,
                    TestSigningKeys.signingKey("drift-auditor"),
                    TestSigningKeys.trustedKeys("drift-auditor")),
            store,
            new CommitCache(10),
            app -> Optional.empty(),
            spec -> Optional.empty(),
            Duration.ZERO,
            clock,
            (problem, continuesFrom) -> {},
            10);

    @BeforeEach
    void holdThePartitionOfEveryApp() {
        recorder.partitionsMoved(Set.of(0));
    }

    @Test
    void aRecordTheStoreRefusesForAWhileIsWrittenOnceItIsBackAfterLongerAndLongerWaits() {
        store.failures = 5;
        ManifestsRendered render = rendered("web", "aaa1111", deployment("web", "web", 3));

        new StoreRetry(BACKOFF, wait -> waits.add(wait)).run("rendered-manifests/0/7", () -> recorder.record(render));

        assertThat(waits).containsExactly(seconds(1), seconds(2), seconds(4), seconds(5), seconds(5));
        assertThat(store.records()).extracting(AuditRecord::sequence).containsExactly(1L);
        assertThat(store.records().get(0).sourceEventId()).isEqualTo(render.eventId());
    }

    @Test
    void aStopWhileTheStoreIsAwayLeavesTheEventUnrecordedForTheNextStart() {
        store.failures = Integer.MAX_VALUE;
        StoreRetry stopping = new StoreRetry(BACKOFF, wait -> waits.add(wait) && waits.size() < 3);

        assertThatThrownBy(() -> stopping.run(
                        "rendered-manifests/0/8",
                        () -> recorder.record(rendered("web", "bbb2222", deployment("web", "web", 3)))))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("rendered-manifests/0/8")
                .hasMessageContaining("read again after the restart");
        assertThat(store.records()).isEmpty();
    }

    @Test
    void aFaultOfTheRecordItselfIsNotRetried() {
        StoreRetry retry = new StoreRetry(BACKOFF, wait -> waits.add(wait));

        assertThatThrownBy(() -> retry.run("x", () -> {
                    throw new IllegalArgumentException("not an audit input");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(waits).isEmpty();
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    /** A store whose broker is away for the first writes. */
    private static final class FailingStore extends MemoryAuditStore {
        int failures;

        @Override
        public void write(AuditRecord record) {
            if (failures > 0) {
                failures--;
                throw new AuditStoreException("broker localhost:9092 not reachable", null);
            }
            super.write(record);
        }
    }
}
