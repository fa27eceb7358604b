package dev.plumbline.notifier.occasion;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.DiffComputed;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PromotionFailed;
import dev.plumbline.events.PromotionMerged;
import dev.plumbline.events.PromotionProposed;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.HealthStatus;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.events.vocabulary.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which notification occasions an event gives rise to. Some need memory of earlier events: a sync is told once it
 * is whole, health only when it turns degraded, a pending diff only when it changes, a refused sync only when it is
 * not the refusal told last, and messages name the commit behind a revision, which the audit trail told earlier,
 * and the app's project, which its spec names. Not thread-safe: one caller at a time.
 */
public final class OccasionDerivation {

    /**
     * What one event led to.
     *
     * @param occurrences the occasions that arose now
     * @param held        whether the event is kept for a later occurrence (an action of a sync not yet whole):
     *                    its offset must not be committed until that occurrence is delivered
     * @param released    ids of events held before that are no longer held (their sync is now whole or given up)
     */
    public record Derivation(List<Occurrence> occurrences, boolean held, List<String> released) {

        static Derivation none() {
            return new Derivation(List.of(), false, List.of());
        }

        static Derivation of(Occurrence occurrence) {
            return new Derivation(List.of(occurrence), false, List.of());
        }
    }

    private static final int APPS_REMEMBERED = 10_000;

    private final SyncCollector syncs;
    private final AppMemory<HealthStatus> health = new AppMemory<>(APPS_REMEMBERED);
    private final AppMemory<String> deployed = new AppMemory<>(APPS_REMEMBERED);
    private final AppMemory<String> pendingDiff = new AppMemory<>(APPS_REMEMBERED);
    private final AppMemory<String> driftRevision = new AppMemory<>(APPS_REMEMBERED);
    private final AppMemory<CommitRef> commits = new AppMemory<>(APPS_REMEMBERED);
    private final AppMemory<String> refusedSyncs = new AppMemory<>(APPS_REMEMBERED);
    private final AppMemory<String> projects = new AppMemory<>(APPS_REMEMBERED);

    /** @param syncGiveUpAfter how long a sync may wait for its last action */
    public OccasionDerivation(Duration syncGiveUpAfter) {
        this.syncs = new SyncCollector(syncGiveUpAfter);
    }

    /**
     * @param event the event read
     * @param spec  its app's current spec, when the catalog has it
     * @param now   the time now
     */
    public Derivation derive(PlumblineEvent event, Optional<ApplicationSpec> spec, Instant now) {
        if (event.app() != null) {
            spec.ifPresent(
                    known -> projects.put(event.app(), known.projectPolicy().name()));
        }
        if (event instanceof DriftDetected drift) {
            driftRevision.put(drift.app(), drift.revision());
            return Derivation.of(DriftOccasions.detected(drift, commit(drift.app(), drift.revision())));
        }
        // recoveries and fights carry no revision: the one remembered from the drift names the commit in the
        // message, but stays out of the dedup key, which must not change when a restart forgot it
        if (event instanceof DriftRecovered recovery) {
            return Derivation.of(
                    DriftOccasions.recovered(recovery, commit(recovery.app(), driftRevision.get(recovery.app()))));
        }
        if (event instanceof SelfHealFight fight) {
            return Derivation.of(DriftOccasions.fight(fight, commit(fight.app(), driftRevision.get(fight.app()))));
        }
        if (event instanceof ApplyAction action) {
            return applied(action, now);
        }
        if (event instanceof DiffComputed diff) {
            return diffed(diff, spec);
        }
        if (event instanceof RenderFailed failure) {
            return Derivation.of(StateOccasions.renderFailed(failure, commit(failure.app(), failure.revision())));
        }
        if (event instanceof AuditRecord record) {
            return audited(record);
        }
        if (event instanceof PromotionProposed proposed) {
            return Derivation.of(PromotionOccasions.proposed(proposed));
        }
        if (event instanceof PromotionMerged merged) {
            return Derivation.of(PromotionOccasions.merged(merged, commit(merged.app(), merged.mergeCommit())));
        }
        if (event instanceof PromotionFailed failed) {
            return Derivation.of(PromotionOccasions.failed(failed));
        }
        return Derivation.none();
    }

    /** The syncs given up on for want of their last action, as sync-failed. */
    public Derivation expire(Instant now) {
        List<Occurrence> occurrences = new ArrayList<>();
        List<String> released = new ArrayList<>();
        for (SyncCollector.Sync sync : syncs.expire(now)) {
            sync.actions().forEach(action -> released.add(action.eventId()));
            ApplyAction last = sync.actions().get(sync.actions().size() - 1);
            told(
                            sync,
                            SyncOccasions.of(
                                    sync,
                                    deployed.get(last.app()),
                                    commit(last.app(), last.revision()),
                                    projects.get(last.app())))
                    .ifPresent(occurrences::add);
        }
        return new Derivation(occurrences, false, released);
    }

    private Derivation applied(ApplyAction action, Instant now) {
        Optional<SyncCollector.Sync> whole = syncs.add(action, now);
        if (whole.isEmpty()) {
            return new Derivation(List.of(), true, List.of());
        }
        List<String> released = whole.get().actions().stream()
                .map(ApplyAction::eventId)
                .filter(id -> !id.equals(action.eventId()))
                .toList();
        String previous = deployed.get(action.app());
        Optional<Occurrence> told = told(
                whole.get(),
                SyncOccasions.of(
                        whole.get(), previous, commit(action.app(), action.revision()), projects.get(action.app())));
        told.filter(occurrence -> occurrence.occasion() == NotificationOccasion.SYNC_SUCCEEDED)
                .ifPresent(occurrence -> deployed.put(action.app(), action.revision()));
        if (whole.get().complete()
                && told.isEmpty()
                && !RefusalOccasions.refused(whole.get())
                && action.revision() != null) {
            deployed.put(action.app(), action.revision());
        }
        return new Derivation(told.map(List::of).orElse(List.of()), false, released);
    }

    /**
     * The sync's occurrence, unless it is the refusal told last for the app: the reconciler refuses a revision again
     * at each reconcile, and one refusal is one message. A sync that is not refused makes the next refusal news.
     */
    private Optional<Occurrence> told(SyncCollector.Sync sync, Optional<Occurrence> occurrence) {
        String app = sync.actions().get(0).app();
        if (!RefusalOccasions.refused(sync)) {
            refusedSyncs.put(app, null);
            return occurrence;
        }
        String refusal = RefusalOccasions.sameRefusal(sync);
        return refusal.equals(refusedSyncs.put(app, refusal)) ? Optional.empty() : occurrence;
    }

    private Derivation diffed(DiffComputed diff, Optional<ApplicationSpec> spec) {
        List<Occurrence> occurrences = new ArrayList<>();
        HealthStatus before = health.put(diff.app(), diff.health());
        if (diff.health() == HealthStatus.DEGRADED && before != HealthStatus.DEGRADED) {
            occurrences.add(StateOccasions.healthDegraded(diff, commit(diff.app(), diff.revision())));
        }
        boolean manual = spec.map(s -> s.syncPolicy().automated() == null).orElse(false);
        String pending =
                diff.syncStatus() == SyncStatus.OUT_OF_SYNC && !diff.changes().isEmpty()
                        ? diff.revision() + "@" + diff.digest()
                        : null;
        String told = pendingDiff.put(diff.app(), pending);
        if (manual && pending != null && !Objects.equals(pending, told)) {
            occurrences.add(StateOccasions.outOfSync(diff, commit(diff.app(), diff.revision())));
        }
        return new Derivation(occurrences, false, List.of());
    }

    private Derivation audited(AuditRecord record) {
        if (record.action() == AuditAction.COMMIT_DETECTED && record.revision() != null) {
            commits.put(
                    record.app() + "@" + record.revision(),
                    new CommitRef(record.revision(), record.actor(), record.summary()));
            return Derivation.none();
        }
        if (record.action() == AuditAction.PAUSED) {
            return Derivation.of(StateOccasions.pauseOrResume(record, NotificationOccasion.SELF_HEAL_PAUSED));
        }
        if (record.action() == AuditAction.RESUMED) {
            return Derivation.of(StateOccasions.pauseOrResume(record, NotificationOccasion.SELF_HEAL_RESUMED));
        }
        if (record.action() == AuditAction.SOURCE_NOT_PERMITTED || record.action() == AuditAction.COMMIT_REFUSED) {
            return Derivation.of(RefusalOccasions.audited(record));
        }
        return Derivation.none();
    }

    private CommitRef commit(String app, String revision) {
        if (revision == null) {
            return null;
        }
        CommitRef known = commits.get(app + "@" + revision);
        return known != null ? known : new CommitRef(revision, null, null);
    }
}
