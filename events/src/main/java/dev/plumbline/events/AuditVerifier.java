package dev.plumbline.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks audit trails as stored: every record's hash over its JSON as written (fields this code does not know are
 * covered too), each record's link to the one before it, and numbering without gaps. A deleted record shows as a gap
 * and a broken link; an edited one as a changed record, and, when its hash was recomputed, as a broken link at the
 * next one. The CLI's {@code plumb audit verify} calls it.
 */
public final class AuditVerifier {

    /** What can be wrong with a trail. */
    public enum ProblemKind {
        GAP,
        CHANGED,
        BROKEN_LINK,
        UNREADABLE
    }

    /** One problem, naming the app and the record's sequence number. */
    public record Problem(String app, long sequence, ProblemKind kind, String message) {}

    /** The verdict: valid when there is no problem. */
    public record Report(int records, int apps, List<Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }

        /** One line per problem, or a line that says the trail verifies. */
        public String describe() {
            if (valid()) {
                return "audit trail verified: " + records + " records of " + apps + " apps, no gap, no change";
            }
            StringBuilder text = new StringBuilder("audit trail does NOT verify: " + problems.size() + " problems\n");
            problems.forEach(problem -> text.append("  ")
                    .append(problem.app())
                    .append(" #")
                    .append(problem.sequence())
                    .append(' ')
                    .append(problem.kind())
                    .append(": ")
                    .append(problem.message())
                    .append('\n'));
            return text.toString();
        }
    }

    private final boolean complete;

    /**
     * @param complete whether each app's trail must start at its first record; false for a topic whose oldest
     *                 records retention has already deleted, where the first record present is trusted as the start
     */
    public AuditVerifier(boolean complete) {
        this.complete = complete;
    }

    /** @param records the records as stored, in the order of the topic (one app's records are in one partition) */
    public Report verify(List<JsonNode> records) {
        Map<String, List<JsonNode>> byApp = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (JsonNode record : records) {
            if (!record.isObject()
                    || !record.path("app").isTextual()
                    || !record.path("sequence").canConvertToLong()) {
                problems.add(new Problem(
                        record.path("app").asText("?"),
                        -1,
                        ProblemKind.UNREADABLE,
                        "not an audit record: it lacks app or sequence"));
                continue;
            }
            byApp.computeIfAbsent(record.get("app").asText(), app -> new ArrayList<>())
                    .add(record);
        }
        byApp.forEach((app, trail) -> verifyApp(app, trail, problems));
        return new Report(records.size(), byApp.size(), List.copyOf(problems));
    }

    private void verifyApp(String app, List<JsonNode> trail, List<Problem> problems) {
        JsonNode previous = null;
        for (JsonNode record : trail) {
            long sequence = record.get("sequence").asLong();
            String previousHash = record.path("previousHash").asText(null);
            String hash = record.path(AuditChain.HASH_FIELD).asText(null);
            if (!Objects.equals(hash, AuditChain.hash(record))) {
                problems.add(new Problem(
                        app,
                        sequence,
                        ProblemKind.CHANGED,
                        "its content does not match its hash: it was changed after it was written"));
            }
            if (previous == null) {
                if (complete && (sequence != 1 || previousHash != null)) {
                    problems.add(new Problem(
                            app,
                            sequence,
                            ProblemKind.GAP,
                            sequence == 1
                                    ? "the first record links to a previous one that is missing"
                                    : "records 1 to " + (sequence - 1) + " are missing"));
                }
            } else {
                long expected = previous.get("sequence").asLong() + 1;
                if (sequence != expected) {
                    problems.add(new Problem(
                            app,
                            sequence,
                            ProblemKind.GAP,
                            sequence > expected
                                    ? "records " + expected + " to " + (sequence - 1) + " are missing"
                                    : "record out of order or repeated: expected " + expected));
                }
                if (!Objects.equals(
                        previousHash, previous.path(AuditChain.HASH_FIELD).asText(null))) {
                    problems.add(new Problem(
                            app,
                            sequence,
                            ProblemKind.BROKEN_LINK,
                            "its previousHash is not the hash of record "
                                    + previous.get("sequence").asLong()));
                }
            }
            previous = record;
        }
    }
}
