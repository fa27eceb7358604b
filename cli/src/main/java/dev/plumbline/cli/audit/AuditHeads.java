package dev.plumbline.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares each app's trail on the topic with the head its Application's status records ({@code status.audit}),
 * which the reconciler keeps outside Kafka. A trail whose last record is older than the head, or whose record at the
 * head's count is another one, was cut short or rewritten: the hash chain alone cannot tell, since what is left of
 * it is intact. A trail longer than the head is fine: the reconciler has not read its newest records yet.
 */
final class AuditHeads {

    /** The head an Application records: the sequence of its trail's last record and that record's hash. */
    record Head(long count, String hash) {}

    private AuditHeads() {}

    /**
     * @param records the records as stored, any apps, in topic order
     * @param heads   per app, the head its Application records
     * @return one sentence per trail that is shorter than its head or differs from it; empty when all agree
     */
    static List<String> compare(List<JsonNode> records, Map<String, Head> heads) {
        List<String> problems = new ArrayList<>();
        heads.forEach((app, head) -> {
            List<JsonNode> trail = records.stream()
                    .filter(record -> app.equals(record.path("app").asText(null)))
                    .toList();
            long last = trail.stream()
                    .mapToLong(record -> record.path("sequence").asLong())
                    .max()
                    .orElse(0);
            List<JsonNode> atHead = trail.stream()
                    .filter(record -> record.path("sequence").asLong() == head.count())
                    .toList();
            boolean headPresent = atHead.stream()
                    .anyMatch(record -> head.hash().equals(record.path("hash").asText(null)));
            if (headPresent) {
                return;
            }
            String recorded = "its Application records " + head.count() + " (hash " + head.hash() + ")";
            if (!atHead.isEmpty()) {
                problems.add("record " + head.count() + " of " + app + " is not the one " + recorded
                        + ": the trail was rewritten");
            } else if (last < head.count()) {
                problems.add((last == 0
                                ? "trail of " + app + " has no record"
                                : "trail of " + app + " ends at record " + last)
                        + " but " + recorded + ": the trail was cut short");
            }
        });
        return problems;
    }
}
