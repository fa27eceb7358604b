package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.git.WatchingApplication;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationWatcher;
import dev.plumbline.reconciler.ignored.IgnoredCommit;
import dev.plumbline.reconciler.ignored.RefusedCommit;
import dev.plumbline.reconciler.reconcile.CommitVerdicts;
import dev.plumbline.reconciler.reconcile.IgnoredCommitInbox;
import dev.plumbline.reconciler.reconcile.ReconcileReason;
import dev.plumbline.reconciler.reconcile.ReconcileRequest;
import dev.plumbline.reconciler.reconcile.Reconciler;
import dev.plumbline.reconciler.status.ConditionType;
import dev.plumbline.servicekit.signing.ServiceKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Says why nothing happened: a commit the git-watcher ignored becomes the {@code CommitIgnored} condition of every
 * Application watching its repository, written by a compare-only reconcile of each. A {@code CommitDetected} that
 * refuses its commit to Applications (their project requires signed commits) becomes their {@code UnsignedCommit}
 * condition; the latest one of each branch is kept, so that a later commit the git-watcher lets through ends it.
 * What commits deploy reaches the reconciler as renders.
 *
 * <p>Every instance reads every commit event (they are keyed by repository, not by app) and keeps the newest ignored
 * commit of each app until the app's reconcile takes it: at once where the app is reconciled, and on another instance
 * if the app's partition moves there. One commit per app at most, so what is kept stays as small as the catalog.
 *
 * <p>Only an event the git-watcher's keys verify is shown: write access to the topic must not put words in an
 * Application's status. Any other is logged, with where it was read, and passed over.
 */
@ApplicationScoped
public class CommitEventsListener implements IgnoredCommitInbox, CommitVerdicts {

    private final Map<String, IgnoredCommit> newest = new ConcurrentHashMap<>();
    /** The latest verified commit event of each branch, by repository and ref: one per branch, as small as Git. */
    private final Map<String, Map<String, BranchMoved>> latestByRepo = new ConcurrentHashMap<>();

    /** A branch moved to {@code after}, which these Applications may not deploy. */
    private record BranchMoved(String after, Instant time, Map<String, RefusedCommit> refused) {}

    private static final Logger LOG = Logger.getLogger(CommitEventsListener.class);

    @Inject
    Reconciler reconciler;

    @Inject
    ServiceKeys keys;

    @Inject
    ApplicationWatcher applications;

    private TrustedKeys gitWatcherKeys;

    /** Reads the git-watcher's public keys at start, so that a missing one stops the service with its setting. */
    @PostConstruct
    void readTrustedKeys() {
        gitWatcherKeys = keys.trustedKeys(PlumblineService.GIT_WATCHER);
    }

    @Incoming("commit-events")
    void onCommitEvent(ConsumerRecord<String, PlumblineEvent> commitRecord) {
        if (commitRecord.value() instanceof CommitDetected detected) {
            onCommitDetected(commitRecord, detected);
            return;
        }
        if (!(commitRecord.value() instanceof CommitIgnored event)) {
            return;
        }
        SignatureCheck trust = event.verify(gitWatcherKeys);
        if (!trust.trusted()) {
            LOG.warnf(
                    "passed over an ignored commit %s of %s (written as %s, %s-%d@%d): %s",
                    event.sha(),
                    event.repoUrl(),
                    event.source(),
                    commitRecord.topic(),
                    commitRecord.partition(),
                    commitRecord.offset(),
                    trust.problem());
            return;
        }
        for (WatchingApplication watcher : event.watchers()) {
            IgnoredCommit ignored = IgnoredCommit.forWatcher(event, watcher);
            newest.merge(watcher.app(), ignored, (kept, heard) -> heard.since().isBefore(kept.since()) ? kept : heard);
            reconciler.submit(watcher.app(), ReconcileRequest.of(ReconcileReason.LIVE_CHANGED));
        }
    }

    private void onCommitDetected(ConsumerRecord<String, PlumblineEvent> commitRecord, CommitDetected event) {
        if (event.after() == null) {
            return;
        }
        SignatureCheck trust = event.verify(gitWatcherKeys);
        if (!trust.trusted()) {
            LOG.warnf(
                    "passed over a commit event %s of %s at %s (written as %s, %s-%d@%d): %s",
                    event.ref(),
                    event.repoUrl(),
                    event.after(),
                    event.source(),
                    commitRecord.topic(),
                    commitRecord.partition(),
                    commitRecord.offset(),
                    trust.problem());
            return;
        }
        Map<String, RefusedCommit> refused = new HashMap<>();
        event.refusals().forEach(refusal -> refused.put(refusal.app(), RefusedCommit.refused(event, refusal)));
        BranchMoved moved = new BranchMoved(event.after(), event.time(), refused);
        latestByRepo
                .computeIfAbsent(event.repoUrl(), repo -> new ConcurrentHashMap<>())
                .merge(event.ref(), moved, (kept, heard) -> heard.time().isBefore(kept.time()) ? kept : heard);
        refused.keySet().forEach(app -> reconciler.submit(app, ReconcileRequest.of(ReconcileReason.LIVE_CHANGED)));
        for (Application application : applications.all()) {
            String app = application.getMetadata().getName();
            if (!refused.containsKey(app) && showsUnsignedCommit(application)) {
                reconciler.submit(app, ReconcileRequest.of(ReconcileReason.LIVE_CHANGED));
            }
        }
    }

    private static boolean showsUnsignedCommit(Application application) {
        return application.getStatus() != null
                && application.getStatus().conditions.stream()
                        .anyMatch(
                                condition -> ConditionType.UnsignedCommit.name().equals(condition.type));
    }

    @Override
    public Optional<RefusedCommit> latest(String app, String repoUrl, String targetRevision) {
        return latestByRepo.getOrDefault(repoUrl, Map.of()).entrySet().stream()
                .filter(branch -> IgnoredCommit.follows(
                        targetRevision, branch.getKey(), branch.getValue().after()))
                .map(Map.Entry::getValue)
                .max(Comparator.comparing(BranchMoved::time))
                .map(moved -> moved.refused().getOrDefault(app, RefusedCommit.allowed(moved.time())));
    }

    @Override
    public List<IgnoredCommit> take(String app) {
        IgnoredCommit ignored = newest.remove(app);
        return ignored == null ? List.of() : List.of(ignored);
    }
}
