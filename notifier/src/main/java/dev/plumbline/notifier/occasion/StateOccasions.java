package dev.plumbline.notifier.occasion;

import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The occasions that report a state rather than an episode: out-of-sync and health-degraded from diffs,
 * render-failed from renders, self-heal-paused and self-heal-resumed from the audit trail.
 */
final class StateOccasions {

    private StateOccasions() {}

    static Occurrence outOfSync(DiffComputed diff, CommitRef commit) {
        List<ObjectLine> objects = diff.changes().stream()
                .map(change -> new ObjectLine(
                        change.object(),
                        change.change().label(),
                        change.fields().stream()
                                .map(field -> FieldLines.diffed(change.object(), field))
                                .toList()))
                .toList();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("health", diff.health().label());
        List<String> changedBy = commit == null || commit.author() == null ? List.of() : List.of(commit.author());
        return new Occurrence(
                NotificationOccasion.OUT_OF_SYNC,
                diff.app(),
                diff.revision(),
                "",
                diff.correlationId(),
                diff.time(),
                objects,
                changedBy,
                "The app syncs manually: Plumbline applies nothing until someone syncs it (plumb app sync " + diff.app()
                        + ").",
                facts,
                commit,
                List.of(diff.eventId()));
    }

    static Occurrence healthDegraded(DiffComputed diff, CommitRef commit) {
        List<ObjectLine> objects = diff.objects().stream()
                .filter(object -> object.health() == HealthStatus.DEGRADED || object.health() == HealthStatus.MISSING)
                .map(StateOccasions::healthLine)
                .toList();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("sync status", diff.syncStatus().label());
        return new Occurrence(
                NotificationOccasion.HEALTH_DEGRADED,
                diff.app(),
                diff.revision(),
                "",
                diff.correlationId(),
                diff.time(),
                objects,
                List.of(),
                "Plumbline does not roll back on its own: look at the objects below, or roll back to a healthy "
                        + "revision.",
                facts,
                commit,
                List.of(diff.eventId()));
    }

    static Occurrence renderFailed(RenderFailed failure, CommitRef commit) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("reason", failure.reason().label());
        facts.put("error", failure.message());
        if (failure.file() != null) {
            facts.put("file", failure.line() == null ? failure.file() : failure.file() + ":" + failure.line());
        }
        if (failure.path() != null) {
            facts.put("path", failure.path());
        }
        String outcome = failure.lastRendered() == null
                ? "The app has never rendered: nothing is deployed until Git is fixed."
                : "Plumbline keeps the last good render ("
                        + shortSha(failure.lastRendered().revision()) + ") as the desired state until Git is fixed.";
        List<String> changedBy = commit == null || commit.author() == null ? List.of() : List.of(commit.author());
        return new Occurrence(
                NotificationOccasion.RENDER_FAILED,
                failure.app(),
                failure.revision(),
                "",
                failure.correlationId(),
                failure.time(),
                List.of(),
                changedBy,
                outcome,
                facts,
                commit,
                List.of(failure.eventId()));
    }

    /** Each pause or resume is a person's act, told once: the record's sequence tells them apart. */
    static Occurrence pauseOrResume(AuditRecord record, NotificationOccasion occasion) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (!record.summary().isBlank()) {
            facts.put("summary", record.summary());
        }
        if (record.details() != null) {
            record.details().properties().forEach(field -> {
                if (field.getValue().isValueNode()) {
                    facts.put(field.getKey(), field.getValue().asText());
                }
            });
        }
        String outcome = occasion == NotificationOccasion.SELF_HEAL_PAUSED
                ? "Plumbline reports drift but does not heal it while self-heal is paused."
                : "Plumbline heals drift again.";
        return new Occurrence(
                occasion,
                record.app(),
                record.revision(),
                "audit-" + record.sequence(),
                record.correlationId(),
                record.occurredAt() == null ? record.time() : record.occurredAt(),
                record.objects().stream()
                        .map(object -> new ObjectLine(object, "concerned", List.of()))
                        .toList(),
                List.of(record.actor()),
                outcome,
                facts,
                null,
                List.of(record.eventId()));
    }

    private static ObjectLine healthLine(ObjectDiff object) {
        return new ObjectLine(object.object(), object.health().label(), List.of());
    }

    private static String shortSha(String sha) {
        return sha == null || sha.length() <= 7 ? String.valueOf(sha) : sha.substring(0, 7);
    }
}
