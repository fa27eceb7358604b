package dev.plumbline.reconciler.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.reconciler.application.ApplicationStatusModel.AuditHead;
import dev.plumbline.reconciler.audit.AuditHeads.Kept;
import dev.plumbline.reconciler.audit.AuditHeads.Moved;
import dev.plumbline.reconciler.audit.AuditHeads.Outcome;
import dev.plumbline.reconciler.audit.AuditHeads.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHeadsTest {

    private static final SigningKey DRIFT_AUDITOR = TestSigningKeys.signingKey("drift-auditor");

    private final AuditHeads heads = new AuditHeads(TestSigningKeys.trustedKeys("drift-auditor"));

    @Test
    void theFirstSignedRecordOfAnAppBecomesItsHead() {
        AuditRecord first = signed(null);

        Outcome outcome = heads.next(null, first);

        assertThat(outcome).isInstanceOfSatisfying(Moved.class, moved -> {
            assertThat(moved.head().count).isEqualTo(1);
            assertThat(moved.head().hash).isEqualTo(first.hash());
            assertThat(moved.head().recordedAt).isEqualTo(first.time().toString());
        });
    }

    @Test
    void theSignedRecordThatFollowsTheHeadMovesIt() {
        AuditRecord first = signed(null);
        AuditRecord second = signed(first);

        assertThat(heads.next(headOf(first), second))
                .isInstanceOfSatisfying(
                        Moved.class, moved -> assertThat(moved.head().count).isEqualTo(2));
    }

    @Test
    void aRecordSomeoneElseAppendedDoesNotMoveTheHead() {
        AuditRecord first = signed(null);
        AuditRecord appended = unsigned(first);

        assertThat(heads.next(headOf(first), appended)).isInstanceOfSatisfying(Kept.class, kept -> {
            assertThat(kept.severity()).isEqualTo(Severity.SUSPECT);
            assertThat(kept.reason()).contains("record 2 of web").contains("not signed");
        });
    }

    @Test
    void aRecordSignedByAnotherServiceDoesNotMoveTheHead() {
        AuditRecord first = signed(null);
        AuditRecord forged = unsigned(first).signedBy(TestSigningKeys.signingKey("renderer"));

        assertThat(heads.next(headOf(first), forged)).isInstanceOf(Kept.class);
    }

    @Test
    void aTrailCutShortAndContinuedLeavesTheHeadWhereItWas() {
        AuditRecord first = signed(null);
        AuditRecord second = signed(first);
        AuditRecord third = signed(second);
        AuditRecord secondAgain = signed(first);
        AuditRecord thirdAgain = signed(secondAgain);

        assertThat(heads.next(headOf(third), secondAgain))
                .isInstanceOfSatisfying(
                        Kept.class, kept -> assertThat(kept.severity()).isEqualTo(Severity.ROUTINE));
        assertThat(heads.next(headOf(third), thirdAgain)).isInstanceOfSatisfying(Kept.class, kept -> {
            assertThat(kept.severity()).isEqualTo(Severity.SUSPECT);
            assertThat(kept.reason()).contains("rewritten");
        });
        assertThat(heads.next(headOf(third), signed(thirdAgain)))
                .isInstanceOfSatisfying(
                        Kept.class, kept -> assertThat(kept.reason()).contains("does not follow the head"));
    }

    @Test
    void aRedeliveredRecordIsRoutine() {
        AuditRecord first = signed(null);

        assertThat(heads.next(headOf(first), first))
                .isInstanceOfSatisfying(
                        Kept.class, kept -> assertThat(kept.severity()).isEqualTo(Severity.ROUTINE));
    }

    private static AuditHead headOf(AuditRecord record) {
        return new AuditHead(record.sequence(), record.hash(), record.time().toString());
    }

    private static AuditRecord signed(AuditRecord previous) {
        return unsigned(previous).signedBy(DRIFT_AUDITOR);
    }

    private static AuditRecord unsigned(AuditRecord previous) {
        SyncRequested request = SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR, "c", "web", SyncTrigger.MANUAL, "", "ana", null, List.of());
        return AuditRecord.next(
                previous, request, "web", AuditAction.SYNC_REQUESTED, "ana", "sync", null, List.of(), null);
    }
}
