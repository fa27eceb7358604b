package dev.plumbline.notifier.template;

import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.occasion.ObjectLine;
import java.util.List;
import java.util.Map;

/**
 * What a template sees of a notification; every value is text or a list, never null, so that a template needs no
 * null checks. Documented in {@code docs/notifier.md}, since users write templates against it.
 *
 * @param trigger       the notification occasion's name, such as {@code drift-detected}; templates have read it as
 *                      {@code n.trigger} since before it was called an occasion
 * @param app           the Application
 * @param revision      the commit SHA (for a recovery or a fight, the one the drift was found at), or empty
 * @param shortRevision its first seven characters, or empty
 * @param commitAuthor  the commit's author, or empty when not known
 * @param commitSummary the commit's one line from the audit trail, or empty
 * @param objectCount   how many objects the message concerns
 * @param objectsWord   {@code object} or {@code objects}, to agree with the count
 * @param shown         the objects listed, at most the configured number
 * @param more          how many objects are counted but not listed
 * @param toldBefore    how many objects an earlier message about the same thing already told
 * @param changedBy     who changed things, comma separated, or empty
 * @param outcome       what Plumbline did or will do
 * @param facts         further labelled facts, in order
 * @param fact          the same facts by label, for {@code fact.get('reason')}
 * @param occurrences   how many events were aggregated into this message
 * @param firstSeen     when the first of them happened, ISO-8601
 */
public record MessageView(
        String trigger,
        String app,
        String revision,
        String shortRevision,
        String commitAuthor,
        String commitSummary,
        int objectCount,
        String objectsWord,
        List<ObjectLine> shown,
        int more,
        int toldBefore,
        String changedBy,
        String outcome,
        List<Fact> facts,
        Map<String, String> fact,
        int occurrences,
        String firstSeen) {

    /** One labelled fact. */
    public record Fact(String label, String value) {}

    public static MessageView of(Notification notification, int maxListed) {
        var commit = notification.commit();
        String revision = notification.revision() != null
                ? notification.revision()
                : commit != null && commit.sha() != null ? commit.sha() : "";
        List<ObjectLine> objects = notification.objects();
        List<ObjectLine> shown = objects.size() <= maxListed ? objects : objects.subList(0, maxListed);
        return new MessageView(
                notification.occasion().label(),
                notification.app(),
                revision,
                revision.length() > 7 ? revision.substring(0, 7) : revision,
                commit == null || commit.author() == null ? "" : commit.author(),
                commit == null || commit.summary() == null ? "" : commit.summary(),
                objects.size(),
                objects.size() == 1 ? "object" : "objects",
                List.copyOf(shown),
                objects.size() - shown.size(),
                notification.toldBefore(),
                String.join(", ", notification.changedBy()),
                notification.outcome(),
                notification.facts().entrySet().stream()
                        .map(e -> new Fact(e.getKey(), e.getValue()))
                        .toList(),
                notification.facts(),
                notification.occurrences(),
                notification.firstSeen() == null ? "" : notification.firstSeen().toString());
    }
}
