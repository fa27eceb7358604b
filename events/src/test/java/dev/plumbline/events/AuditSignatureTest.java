package dev.plumbline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.AuditVerifier.Problem;
import dev.plumbline.events.AuditVerifier.ProblemKind;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.vocabulary.AuditAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSignatureTest {

    private static final SigningKey DRIFT_AUDITOR = TestSigningKeys.signingKey("drift-auditor");
    private static final TrustedKeys TRUSTED = TestSigningKeys.trustedKeys("drift-auditor");

    @Test
    void aTrailSignedByTheDriftAuditorVerifies() {
        AuditVerifier.Report report = new AuditVerifier(true, TRUSTED).verify(json(trail(3, DRIFT_AUDITOR)));

        assertThat(report.problems()).isEmpty();
        assertThat(report.describe()).contains("every record signed by the drift-auditor");
    }

    @Test
    void theSignatureIsNotPartOfTheHashItSigns() {
        AuditRecord hashed = record(null);
        AuditRecord signed = hashed.signedBy(DRIFT_AUDITOR);

        assertThat(signed.signature()).isNotBlank();
        assertThat(signed.hash()).isEqualTo(hashed.hash());
        assertThat(AuditChain.hash(EventJson.tree(signed))).isEqualTo(hashed.hash());
    }

    @Test
    void aRecordAppendedBySomeoneElseWithAMatchingHashDoesNotVerify() {
        List<AuditRecord> trail = trail(2, DRIFT_AUDITOR);
        AuditRecord appended = AuditRecord.next(
                trail.get(1),
                EventSamples.applyAction(),
                "web",
                AuditAction.APPLIED,
                "mallory",
                "applied nothing",
                null,
                List.of(),
                null);
        List<JsonNode> records = json(trail);
        records.add(EventJson.tree(appended));

        AuditVerifier.Report withKeys = new AuditVerifier(true, TRUSTED).verify(records);

        assertThat(new AuditVerifier(true).verify(records).valid()).isTrue();
        assertThat(withKeys.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.app()).isEqualTo("web");
            assertThat(problem.sequence()).isEqualTo(3);
            assertThat(problem.kind()).isEqualTo(ProblemKind.UNTRUSTED);
            assertThat(problem.message()).contains("not signed").contains("not written by the drift-auditor");
        });
        assertThat(withKeys.describe()).contains("web #3 UNTRUSTED: it is not signed");
    }

    @Test
    void aRecordSignedWithAnotherKeyDoesNotVerify() {
        List<AuditRecord> trail = trail(2, DRIFT_AUDITOR);
        AuditRecord forged = next(trail.get(1)).signedBy(TestSigningKeys.signingKey("renderer"));
        List<JsonNode> records = json(trail);
        records.add(EventJson.tree(forged));

        List<Problem> problems =
                new AuditVerifier(true, TRUSTED).verify(records).problems();

        assertThat(problems).extracting(Problem::kind).containsExactly(ProblemKind.UNTRUSTED);
        assertThat(problems.get(0).message()).contains("not made by the drift-auditor's key");
    }

    @Test
    void aRecordWhoseSignatureWasCopiedFromAnotherRecordDoesNotVerify() {
        List<AuditRecord> trail = trail(3, DRIFT_AUDITOR);
        List<JsonNode> records = json(trail);
        ((ObjectNode) records.get(2)).put("signature", trail.get(1).signature());

        assertThat(new AuditVerifier(true, TRUSTED).verify(records).problems())
                .extracting(Problem::sequence, Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, ProblemKind.UNTRUSTED));
    }

    @Test
    void theNextGenuineRecordAfterAForgedOneLinksToTheRecordBeforeIt() {
        List<AuditRecord> trail = trail(2, DRIFT_AUDITOR);
        AuditRecord forged = next(trail.get(1));
        AuditRecord genuine = next(trail.get(1)).signedBy(DRIFT_AUDITOR);
        List<JsonNode> records = json(trail);
        records.add(EventJson.tree(forged));
        records.add(EventJson.tree(genuine));
        AuditTrailCheck check = new AuditTrailCheck("web", true, TRUSTED);

        List<Problem> problems = new ArrayList<>();
        records.forEach(record -> problems.addAll(check.accept(record)));

        assertThat(problems).extracting(Problem::kind).containsExactly(ProblemKind.UNTRUSTED);
        assertThat(check.last().path("hash").asText()).isEqualTo(genuine.hash());
    }

    @Test
    void aTrailBegunBeforeSigningVerifiesAndMayNotFallBackToUnsignedRecords() {
        List<JsonNode> records = new ArrayList<>();
        AuditRecord first = versionOne(record(null));
        AuditRecord second = versionOne(next(first));
        AuditRecord third = next(second).signedBy(DRIFT_AUDITOR);
        AuditRecord fourth = versionOne(next(third));
        List.of(first, second, third).forEach(record -> records.add(EventJson.tree(record)));

        assertThat(new AuditVerifier(true, TRUSTED).verify(records).problems()).isEmpty();

        records.add(EventJson.tree(fourth));
        assertThat(new AuditVerifier(true, TRUSTED).verify(records).problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.sequence()).isEqualTo(4);
                    assertThat(problem.message()).contains("the records before it are");
                });
    }

    @Test
    void onlyARecordWithItsHashComputedCanBeSigned() {
        AuditRecord hashed = record(null);
        ObjectNode edited = EventJson.tree(hashed);
        edited.put("actor", "mallory");
        AuditRecord unhashed =
                EventJson.read(edited.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), AuditRecord.class);

        assertThatThrownBy(() -> unhashed.signedBy(DRIFT_AUDITOR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("record 1 of app web");
    }

    private static List<AuditRecord> trail(int length, SigningKey key) {
        List<AuditRecord> trail = new ArrayList<>();
        AuditRecord previous = null;
        for (int i = 0; i < length; i++) {
            previous = (previous == null ? record(null) : next(previous)).signedBy(key);
            trail.add(previous);
        }
        return trail;
    }

    private static AuditRecord record(AuditRecord previous) {
        return AuditRecord.next(
                previous,
                EventSamples.applyAction(),
                "web",
                AuditAction.APPLIED,
                AuditRecord.PLUMBLINE_ACTOR,
                "applied Deployment apps/v1 shop/web",
                EventSamples.SHA_AFTER,
                List.of(),
                null);
    }

    private static AuditRecord next(AuditRecord previous) {
        return record(previous);
    }

    /** As the drift-auditor wrote records before they were signed: schema version 1, no signature. */
    private static AuditRecord versionOne(AuditRecord record) {
        ObjectNode json = EventJson.tree(record);
        json.put("schemaVersion", 1);
        json.remove("signature");
        json.put("hash", AuditChain.hash(json));
        return EventJson.read(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), AuditRecord.class);
    }

    private static List<JsonNode> json(List<AuditRecord> records) {
        List<JsonNode> json = new ArrayList<>();
        records.forEach(record -> json.add(EventJson.tree(record)));
        return json;
    }
}
