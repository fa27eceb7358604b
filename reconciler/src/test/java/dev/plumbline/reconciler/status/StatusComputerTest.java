package dev.plumbline.reconciler.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.SyncStatus;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.application.ApplicationStatusModel.SyncRecord;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatusComputerTest {

    private static final Instant T1 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2030-01-01T11:00:00Z");

    @Test
    void aReconcileThatFindsNothingNewComputesTheSameStatusSoNothingIsWritten() {
        ApplicationStatusModel first = StatusComputer.next(
                null, synced(new Conditions().set(ConditionType.PruneWithheld, "PruneDisabled", "1 object kept")), T1);

        ApplicationStatusModel again = StatusComputer.next(
                first, synced(new Conditions().set(ConditionType.PruneWithheld, "PruneDisabled", "1 object kept")), T2);

        assertThat(StatusComputer.sameAs(first, again)).isTrue();
        assertThat(again.conditions.get(0).lastTransitionTime).isEqualTo(T1.toString());
    }

    @Test
    void aConditionThatNoLongerHoldsIsDropped() {
        ApplicationStatusModel first = StatusComputer.next(
                null, synced(new Conditions().set(ConditionType.SyncFailed, "ApplyFailed", "500")), T1);

        ApplicationStatusModel next = StatusComputer.next(first, synced(new Conditions()), T2);

        assertThat(next.conditions).isEmpty();
        assertThat(StatusComputer.sameAs(first, next)).isFalse();
    }

    @Test
    void theHistoryKeepsTheLastTenSyncsNewestFirst() {
        ApplicationStatusModel status = null;
        for (int i = 1; i <= 12; i++) {
            StatusInput input = new StatusInput(
                    1L,
                    "default",
                    SyncStatus.SYNCED,
                    "rev" + i,
                    HealthStatus.HEALTHY,
                    null,
                    null,
                    record("sync-" + i),
                    new Conditions(),
                    null,
                    null);
            status = StatusComputer.next(status, input, T1);
        }

        assertThat(status.history).hasSize(SyncHistory.LIMIT);
        assertThat(status.history.get(0).syncId).isEqualTo("sync-12");
        assertThat(status.history)
                .extracting(r -> r.syncId)
                .containsExactlyElementsOf(IntStream.rangeClosed(3, 12)
                        .map(i -> 15 - i)
                        .mapToObj(i -> "sync-" + i)
                        .toList());
    }

    @Test
    void aReconcileThatStoppedBeforeComparingKeepsThePreviousSyncStatus() {
        ApplicationStatusModel first = StatusComputer.next(null, synced(new Conditions()), T1);

        ApplicationStatusModel next = StatusComputer.next(
                first,
                new StatusInput(
                        1L,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new Conditions().set(ConditionType.RenderFailed, "invalid-manifest", "line 3"),
                        null,
                        null),
                T2);

        assertThat(next.sync.status).isEqualTo("synced");
        assertThat(next.conditions).extracting(c -> c.type).containsExactly("RenderFailed");
        assertThat(next.project)
                .as("kept while the spec names none that was read")
                .isEqualTo("default");
    }

    @Test
    void theStatusNamesTheProjectTheAppWasJudgedBy() {
        ApplicationStatusModel first = StatusComputer.next(null, synced(new Conditions()), T1);
        StatusInput moved = new StatusInput(
                1L,
                "team-a",
                SyncStatus.SYNCED,
                "rev1",
                HealthStatus.HEALTHY,
                null,
                null,
                null,
                new Conditions(),
                null,
                null);

        ApplicationStatusModel next = StatusComputer.next(first, moved, T2);

        assertThat(first.project).isEqualTo("default");
        assertThat(next.project).isEqualTo("team-a");
        assertThat(StatusComputer.sameAs(first, next))
                .as("a new project is a status write")
                .isFalse();
    }

    private static StatusInput synced(Conditions conditions) {
        return new StatusInput(
                1L,
                "default",
                SyncStatus.SYNCED,
                "rev1",
                HealthStatus.HEALTHY,
                null,
                null,
                null,
                conditions,
                null,
                null);
    }

    private static SyncRecord record(String id) {
        SyncRecord record = new SyncRecord();
        record.syncId = id;
        record.result = "succeeded";
        return record;
    }
}
