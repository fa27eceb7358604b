package dev.plumbline.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.vocabulary.AuditAction;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuditChainTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void eachRecordHoldsTheHashOfTheOneBeforeIt() {
        AuditRecord first = AuditRecord.next(
                null,
                EventSamples.commitDetected(),
                "web",
                AuditAction.COMMIT_DETECTED,
                "Ana Lima <ana@example.com>",
                "commit 9f8e7d",
                null,
                List.of(),
                null);
        AuditRecord second = AuditRecord.next(
                first,
                EventSamples.applyAction(),
                "web",
                AuditAction.APPLIED,
                AuditRecord.PLUMBLINE_ACTOR,
                "applied",
                null,
                List.of(),
                null);

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isNull();
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(List.of(first, second)).allMatch(AuditRecord::hashMatches);
        assertThat(second.hash()).startsWith("sha256:").hasSize("sha256:".length() + 64);
    }

    @Test
    void aRecordCopiesIdTypeTimeAndCorrelationOfTheEventItCameFrom() {
        ApplyAction apply = EventSamples.applyAction();
        AuditRecord record = AuditRecord.next(
                null,
                apply,
                "web",
                AuditAction.APPLY_FAILED,
                AuditRecord.PLUMBLINE_ACTOR,
                "failed",
                apply.revision(),
                List.of(apply.object()),
                null);

        assertThat(record.sourceEventId()).isEqualTo(apply.eventId());
        assertThat(record.sourceEventType()).isEqualTo("dev.plumbline.apply.action");
        assertThat(record.occurredAt()).isEqualTo(apply.time());
        assertThat(record.correlationId()).isEqualTo(apply.correlationId());
    }

    @Test
    void aRecordWhoseContentWasChangedNoLongerMatchesItsHash() throws IOException {
        AuditRecord record = EventSamples.auditRecord();
        ObjectNode json = (ObjectNode) PLAIN.readTree(EventJson.write(record));
        json.put("actor", "mallory");

        AuditRecord tampered = EventJson.read(json.toString().getBytes(), AuditRecord.class);

        assertThat(tampered.hashMatches()).isFalse();
        assertThat(AuditChain.hash(json)).isNotEqualTo(record.hash());
    }

    @Test
    void theHashOfTheStoredJsonEqualsTheHashOfTheRecordWhateverTheKeyOrder() throws IOException {
        AuditRecord record = EventSamples.auditRecord();
        ObjectNode json = (ObjectNode) PLAIN.readTree(EventJson.write(record));
        Map<String, Object> reversed = new TreeMap<String, Object>(Comparator.reverseOrder());
        reversed.putAll(PLAIN.convertValue(json, new TypeReference<Map<String, Object>>() {}));
        ObjectNode reordered = PLAIN.valueToTree(reversed);

        assertThat(AuditChain.hash(json)).isEqualTo(record.hash());
        assertThat(AuditChain.hash(reordered)).isEqualTo(record.hash());
    }

    @Test
    void fieldsAddedByANewerWriterAreCoveredByTheHashOfTheStoredJson() throws IOException {
        ObjectNode json = (ObjectNode) PLAIN.readTree(EventJson.write(EventSamples.auditRecord()));
        String before = AuditChain.hash(json);
        json.put("addedLater", "also protected");

        assertThat(AuditChain.hash(json)).isNotEqualTo(before);
    }
}
