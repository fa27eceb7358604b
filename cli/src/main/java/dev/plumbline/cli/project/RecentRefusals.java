package dev.plumbline.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.messaging.AuditTopic;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the projects refused lately, from the audit trail on Kafka (read as {@code plumb audit tail} reads it): the
 * records {@code source-not-permitted}, {@code commit-refused} and {@code apply-refused} of the last hour. A project's
 * refusals are those of the Applications that name it now.
 */
final class RecentRefusals {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final Set<String> REFUSALS = Set.of("source-not-permitted", "commit-refused", "apply-refused");

    /** One refusal: when it happened, of which app, which action, and the record's summary (which names the rule). */
    record Refusal(Instant time, String app, String action, String summary, JsonNode record) {}

    private final List<Refusal> refusals;

    private RecentRefusals(List<Refusal> refusals) {
        this.refusals = refusals;
    }

    /**
     * The refusals of the last hour, oldest first; empty with the reason when the audit trail cannot be read (Kafka
     * down, no settings), which the caller says without failing: the Projects themselves were read.
     */
    static Result read(RunEnvironment environment, Instant now) {
        try (AuditTopic topic = new AuditTopic(environment.kafkaSettings())) {
            Instant since = now.minus(WINDOW);
            List<Refusal> recent = topic.readAll().records().stream()
                    .filter(record -> REFUSALS.contains(record.path("action").asText()))
                    .map(RecentRefusals::refusal)
                    .filter(refusal -> refusal.time() != null && !refusal.time().isBefore(since))
                    .sorted(Comparator.comparing(Refusal::time))
                    .toList();
            return new Result(Optional.of(new RecentRefusals(recent)), null);
        } catch (CommandFailedException unreadable) {
            return new Result(Optional.empty(), unreadable.getMessage());
        }
    }

    /** The refusals, or why they could not be read. */
    record Result(Optional<RecentRefusals> refusals, String unreadable) {}

    /** The refusals of these apps. */
    List<Refusal> of(Set<String> apps) {
        return refusals.stream().filter(refusal -> apps.contains(refusal.app())).toList();
    }

    private static Refusal refusal(JsonNode record) {
        String occurred = record.path("occurredAt").asText(record.path("time").asText(""));
        return new Refusal(
                parse(occurred),
                record.path("app").asText(),
                record.path("action").asText(),
                record.path("summary").asText(""),
                record);
    }

    private static Instant parse(String time) {
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
