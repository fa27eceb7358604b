package dev.plumbline.notifier.occasion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * sync-refused: what an app's project refused, from the source that has the facts. A sync whose objects were refused
 * comes from its apply actions (the reconciler's refusal names each object and the rule); a repository refused and a
 * commit refused for want of a signature come from the audit trail's {@code source-not-permitted} and
 * {@code commit-refused} records, which the drift-auditor writes once per refusal. The audit trail's
 * {@code apply-refused} records repeat the apply actions and are not told again.
 */
final class RefusalOccasions {

    private RefusalOccasions() {}

    /** Whether a whole sync was refused, rather than tried: an object of it was refused. */
    static boolean refused(SyncCollector.Sync sync) {
        return sync.actions().stream().anyMatch(action -> action.result() == ApplyResult.REFUSED);
    }

    /**
     * What makes two refused syncs the same refusal: the revision and each refused object with its reason. The
     * reconciler refuses the revision again at each reconcile, and that is no news.
     */
    static String sameRefusal(SyncCollector.Sync sync) {
        ApplyAction last = sync.actions().get(sync.actions().size() - 1);
        return last.revision() + " "
                + sync.actions().stream()
                        .filter(action -> action.result() == ApplyResult.REFUSED)
                        .map(action -> action.object() + ": " + action.error())
                        .sorted()
                        .collect(Collectors.joining("; "));
    }

    /**
     * One message for the whole refused sync: the refused objects first, each with the reason (which names the
     * rule), then those not applied because of them.
     *
     * @param project the app's project, as its spec names it; null when the spec is not known
     */
    static Occurrence sync(SyncCollector.Sync sync, String project, CommitRef commit) {
        List<ApplyAction> actions = sync.actions();
        ApplyAction last = actions.get(actions.size() - 1);
        List<ObjectLine> objects = new ArrayList<>();
        actions.stream()
                .filter(action -> action.result() == ApplyResult.REFUSED)
                .forEach(action -> objects.add(line(action)));
        actions.stream()
                .filter(action -> action.result() != ApplyResult.REFUSED)
                .forEach(action -> objects.add(line(action)));
        List<String> rules = actions.stream()
                .filter(action -> action.result() == ApplyResult.REFUSED)
                .map(ApplyAction::error)
                .distinct()
                .toList();
        long refused = actions.stream()
                .filter(action -> action.result() == ApplyResult.REFUSED)
                .count();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("project", project == null ? "the app's project" : project);
        facts.put("refused", "the sync of " + shortSha(last.revision()));
        facts.put(
                "rule",
                rules.get(0) + (rules.size() == 1 ? "" : " (and " + (rules.size() - 1) + " more, with the objects)"));
        facts.put("sync", last.syncId());
        facts.put(
                "started by",
                last.trigger().label() + (last.initiatedBy() == null ? "" : " (" + last.initiatedBy() + ")"));
        List<String> changedBy = commit == null || commit.author() == null ? List.of() : List.of(commit.author());
        return new Occurrence(
                NotificationOccasion.SYNC_REFUSED,
                last.app(),
                last.revision(),
                "",
                last.correlationId(),
                last.time(),
                objects,
                changedBy,
                refused + " of " + last.objectCount() + " objects lie outside what the project allows, so nothing of "
                        + "the revision was applied: change them in Git, or ask an administrator to change the "
                        + "project.",
                facts,
                commit,
                actions.stream().map(ApplyAction::eventId).toList());
    }

    /** A repository or a commit refused, from the record the drift-auditor wrote of it. */
    static Occurrence audited(AuditRecord record) {
        JsonNode details = record.details() == null ? MissingNode.getInstance() : record.details();
        boolean source = record.action() == AuditAction.SOURCE_NOT_PERMITTED;
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("project", details.path("project").asText("the app's project"));
        facts.put(
                "refused",
                source
                        ? "repository " + details.path("repoUrl").asText()
                        : "commit " + shortSha(record.revision()) + " on "
                                + details.path("ref").asText());
        facts.put("rule", details.path("reason").asText(record.summary()));
        String outcome = source
                ? "Plumbline fetches nothing from the repository: an administrator can add it to the project's "
                        + "sourceRepos, or the Application can name a repository the project allows."
                : "Plumbline does not deploy the commit: the app stays at the revision it has until a commit signed "
                        + "with a key the project lists arrives.";
        return new Occurrence(
                NotificationOccasion.SYNC_REFUSED,
                record.app(),
                record.revision(),
                "audit-" + record.sequence(),
                record.correlationId(),
                record.occurredAt() == null ? record.time() : record.occurredAt(),
                List.of(),
                source ? List.of() : List.of(record.actor()),
                outcome,
                facts,
                source ? null : new CommitRef(record.revision(), record.actor(), record.summary()),
                List.of(record.eventId()));
    }

    private static ObjectLine line(ApplyAction action) {
        String status = action.result() == ApplyResult.SUCCEEDED
                ? "applied"
                : action.result().label();
        return new ObjectLine(action.object(), status, action.error() == null ? List.of() : List.of(action.error()));
    }

    private static String shortSha(String sha) {
        return sha == null || sha.length() <= 7 ? String.valueOf(sha) : sha.substring(0, 7);
    }
}
