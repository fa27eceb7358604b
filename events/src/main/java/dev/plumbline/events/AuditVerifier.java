package dev.plumbline.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.signing.TrustedKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks audit trails as stored: every record's hash over its JSON as written (fields this code does not know are
 * covered too), each record's link to the one before it, and numbering without gaps. A deleted record shows as a gap
 * and a broken link; an edited one as a changed record, and, when its hash was recomputed, as a broken link at the
 * next one. Given the drift-auditor's public keys, it also checks each record's signature: a record appended by anyone
 * else, with a hash that matches, is {@code UNTRUSTED}. The CLI's {@code plumb audit verify} calls it.
 */
public final class AuditVerifier {

    /** What can be wrong with a trail. */
    public enum ProblemKind {
        GAP,
        CHANGED,
        BROKEN_LINK,
        /** its hash matches, but it is not signed by a trusted key of the drift-auditor: someone else wrote it */
        UNTRUSTED,
        UNREADABLE
    }

    /** One problem, naming the app and the record's sequence number. */
    public record Problem(String app, long sequence, ProblemKind kind, String message) {}

    /** The verdict: valid when there is no problem. */
    public record Report(int records, int apps, List<Problem> problems, boolean signaturesChecked) {

        public boolean valid() {
            return problems.isEmpty();
        }

        /** One line per problem, or a line that says the trail verifies. */
        public String describe() {
            if (valid()) {
                return "audit trail verified: " + records + " records of " + apps + " apps, no gap, no change"
                        + (signaturesChecked ? ", every record signed by the drift-auditor" : "");
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
    private final TrustedKeys keys;

    /**
     * A verifier of hashes, links and numbering only: anyone who can write the topic can append a record it accepts.
     *
     * @param complete whether each app's trail must start at its first record; false for a topic whose oldest
     *                 records retention has already deleted, where the first record present is trusted as the start
     */
    public AuditVerifier(boolean complete) {
        this(complete, null);
    }

    /**
     * A verifier that also checks each record's signature (see {@link AuditTrailCheck} for the unsigned records
     * written before signing).
     *
     * @param keys the drift-auditor's public keys
     */
    public AuditVerifier(boolean complete, TrustedKeys keys) {
        this.complete = complete;
        this.keys = keys;
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
        return new Report(records.size(), byApp.size(), List.copyOf(problems), keys != null);
    }

    private void verifyApp(String app, List<JsonNode> trail, List<Problem> problems) {
        AuditTrailCheck check = new AuditTrailCheck(app, complete, keys);
        trail.forEach(record -> problems.addAll(check.accept(record)));
    }
}
