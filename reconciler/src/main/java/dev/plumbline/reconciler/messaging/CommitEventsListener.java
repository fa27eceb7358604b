package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.git.WatchingApplication;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.reconciler.ignored.IgnoredCommit;
import dev.plumbline.reconciler.reconcile.IgnoredCommitInbox;
import dev.plumbline.reconciler.reconcile.ReconcileReason;
import dev.plumbline.reconciler.reconcile.ReconcileRequest;
import dev.plumbline.reconciler.reconcile.Reconciler;
import dev.plumbline.servicekit.signing.ServiceKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Says why nothing happened: a commit the git-watcher ignored becomes the {@code CommitIgnored} condition of every
 * Application watching its repository, written by a compare-only reconcile of each. Commits that deploy something
 * ({@code CommitDetected}) reach the reconciler as renders, so they are passed over here.
 *
 * <p>Every instance reads every commit event (they are keyed by repository, not by app) and keeps the newest ignored
 * commit of each app until the app's reconcile takes it: at once where the app is reconciled, and on another instance
 * if the app's partition moves there. One commit per app at most, so what is kept stays as small as the catalog.
 *
 * <p>Only an event the git-watcher's keys verify is shown: write access to the topic must not put words in an
 * Application's status. Any other is logged, with where it was read, and passed over.
 */
@ApplicationScoped
public class CommitEventsListener implements IgnoredCommitInbox {

    private final Map<String, IgnoredCommit> newest = new ConcurrentHashMap<>();

    private static final Logger LOG = Logger.getLogger(CommitEventsListener.class);

    @Inject
    Reconciler reconciler;

    @Inject
    ServiceKeys keys;

    private TrustedKeys gitWatcherKeys;

    /** Reads the git-watcher's public keys at start, so that a missing one stops the service with its setting. */
    @PostConstruct
    void readTrustedKeys() {
        gitWatcherKeys = keys.trustedKeys(PlumblineService.GIT_WATCHER);
    }

    @Incoming("commit-events")
    void onCommitEvent(ConsumerRecord<String, PlumblineEvent> commitRecord) {
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

    @Override
    public List<IgnoredCommit> take(String app) {
        IgnoredCommit ignored = newest.remove(app);
        return ignored == null ? List.of() : List.of(ignored);
    }
}
