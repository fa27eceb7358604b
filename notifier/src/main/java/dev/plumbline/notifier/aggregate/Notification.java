package dev.plumbline.notifier.aggregate;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.notifier.occasion.CommitRef;
import dev.plumbline.notifier.occasion.ObjectLine;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message to tell: the occurrences of one occasion for one app, revision and subject, aggregated.
 *
 * @param occasion       the occasion
 * @param app            the Application
 * @param revision       the commit SHA concerned; null when none is known
 * @param subject        what tells notifications of one occasion, app and revision apart; often empty
 * @param correlationId  the correlation id of the latest occurrence
 * @param firstSeen      when the first occurrence happened
 * @param objects        every object concerned, each once, in the order they were first reported
 * @param changedBy      who changed things, each once
 * @param outcome        what Plumbline did or will do
 * @param facts          further labelled facts
 * @param commit         the commit behind the revision; null when unknown
 * @param occurrences    how many occurrences were aggregated
 * @param toldBefore     how many of the objects an earlier message already told (0 for a first message)
 * @param sourceEventIds the events it was made from, once per occurrence that named them
 */
public record Notification(
        NotificationOccasion occasion,
        String app,
        String revision,
        String subject,
        String correlationId,
        Instant firstSeen,
        List<ObjectLine> objects,
        List<String> changedBy,
        String outcome,
        Map<String, String> facts,
        CommitRef commit,
        int occurrences,
        int toldBefore,
        List<String> sourceEventIds) {

    /**
     * What makes two notifications the same, for the dedup window: {@code <occasion>/<app>/<revision>/<subject>}.
     */
    public String dedupKey() {
        return occasion.label() + "/" + app + "/" + (revision == null ? "-" : revision) + "/" + subject;
    }

    public List<ObjectIdentity> objectIdentities() {
        return objects.stream().map(ObjectLine::object).toList();
    }

    /** The same notification listing only {@code remaining}, after {@code told} objects were told earlier. */
    public Notification onlyNew(List<ObjectLine> remaining, int told) {
        return new Notification(
                occasion,
                app,
                revision,
                subject,
                correlationId,
                firstSeen,
                remaining,
                changedBy,
                outcome,
                facts,
                commit,
                occurrences,
                told,
                sourceEventIds);
    }
}
