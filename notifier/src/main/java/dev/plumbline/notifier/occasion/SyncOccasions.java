package dev.plumbline.notifier.occasion;

import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.events.vocabulary.SyncTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A whole sync as sync-succeeded, sync-failed or sync-refused. */
final class SyncOccasions {

    private SyncOccasions() {}

    /**
     * @param lastDeployed the revision the app's previous successful sync deployed; null when not known
     * @param project      the app's project; null when its spec is not known
     * @return sync-refused when an object was refused (its project does not allow it); sync-failed when an object
     *         failed; sync-succeeded when a new revision was deployed (a heal, or a sync of the revision already
     *         deployed, is no news: drift-recovered tells of heals)
     */
    static Optional<Occurrence> of(SyncCollector.Sync sync, String lastDeployed, CommitRef commit, String project) {
        if (RefusalOccasions.refused(sync)) {
            return Optional.of(RefusalOccasions.sync(sync, project, commit));
        }
        List<ApplyAction> actions = sync.actions();
        ApplyAction last = actions.get(actions.size() - 1);
        List<ApplyAction> failed =
                actions.stream().filter(a -> a.result() == ApplyResult.FAILED).toList();
        boolean succeeded = failed.isEmpty() && sync.complete();
        if (succeeded
                && (last.trigger() == SyncTrigger.SELF_HEAL
                        || (last.revision() != null && last.revision().equals(lastDeployed)))) {
            return Optional.empty();
        }
        List<ObjectLine> objects = new ArrayList<>();
        failed.forEach(a -> objects.add(line(a)));
        actions.stream().filter(a -> !failed.contains(a)).forEach(a -> objects.add(line(a)));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("sync", last.syncId());
        facts.put(
                "started by",
                last.trigger().label() + (last.initiatedBy() == null ? "" : " (" + last.initiatedBy() + ")"));
        List<String> changedBy = new ArrayList<>();
        if (commit != null && commit.author() != null) {
            changedBy.add(commit.author());
        }
        if (last.initiatedBy() != null && !AuditRecord.PLUMBLINE_ACTOR.equals(last.initiatedBy())) {
            changedBy.add(last.initiatedBy());
        }
        NotificationOccasion occasion =
                succeeded ? NotificationOccasion.SYNC_SUCCEEDED : NotificationOccasion.SYNC_FAILED;
        return Optional.of(new Occurrence(
                occasion,
                last.app(),
                last.revision(),
                "",
                last.correlationId(),
                last.time(),
                objects,
                changedBy,
                outcome(sync, actions, failed),
                facts,
                commit,
                actions.stream().map(ApplyAction::eventId).toList()));
    }

    private static String outcome(SyncCollector.Sync sync, List<ApplyAction> actions, List<ApplyAction> failed) {
        int expected = actions.get(actions.size() - 1).objectCount();
        if (!sync.complete()) {
            return "Plumbline saw " + actions.size() + " of the sync's " + expected
                    + " actions; the rest never arrived, so the sync counts as failed.";
        }
        if (!failed.isEmpty()) {
            return failed.size() + " of " + expected + " objects failed: the app stays out of sync until a sync "
                    + "succeeds (the app's retry policy, a fix in Git, or a manual sync).";
        }
        long adopted = actions.stream()
                .filter(a -> a.operation() == ApplyOperation.ADOPT)
                .count();
        long pruned = actions.stream()
                .filter(a -> a.operation() == ApplyOperation.PRUNE)
                .count();
        long applied = actions.size() - pruned - adopted;
        return "Plumbline deployed the revision: " + applied + " applied, " + pruned + " pruned"
                + (adopted == 0 ? "" : ", " + adopted + " adopted") + ".";
    }

    private static ObjectLine line(ApplyAction action) {
        String status = action.result() == ApplyResult.SUCCEEDED
                ? switch (action.operation()) {
                    case PRUNE -> "pruned";
                    case ADOPT -> "adopted";
                    case APPLY -> "applied";
                }
                : action.result().label();
        List<String> details = action.error() == null ? List.of() : List.of(action.error());
        return new ObjectLine(action.object(), status, details);
    }
}
