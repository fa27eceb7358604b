package dev.plumbline.notifier.occasion;

import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One occasion fired by one event (or, for a sync, by its whole set of apply actions): the raw material of a
 * notification, before occurrences of the same kind are aggregated.
 *
 * @param occasion       the occasion
 * @param app            the Application
 * @param revision       the commit SHA concerned; null when none is known
 * @param subject        what tells two occurrences of one occasion, app and revision apart: a fought field, an audit
 *                       sequence; empty when nothing does (all drift of an app at a revision is one story)
 * @param correlationId  the correlation id of the source event
 * @param time           when the source event was made
 * @param objects        the objects concerned
 * @param changedBy      who changed things: field managers, a commit author, a person
 * @param outcome        what Plumbline did or will do, one sentence
 * @param facts          further labelled facts in display order (reason, error, duration, …)
 * @param commit         the commit behind the revision; null when unknown
 * @param sourceEventIds the events it was made from
 */
public record Occurrence(
        NotificationOccasion occasion,
        String app,
        String revision,
        String subject,
        String correlationId,
        Instant time,
        List<ObjectLine> objects,
        List<String> changedBy,
        String outcome,
        Map<String, String> facts,
        CommitRef commit,
        List<String> sourceEventIds) {

    public Occurrence {
        Objects.requireNonNull(occasion, "occasion");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(time, "time");
        subject = subject == null ? "" : subject;
        objects = objects == null ? List.of() : List.copyOf(objects);
        changedBy = changedBy == null ? List.of() : List.copyOf(changedBy);
        outcome = outcome == null ? "" : outcome;
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        sourceEventIds = sourceEventIds == null ? List.of() : List.copyOf(sourceEventIds);
    }
}
