package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.git.WatchingApplication;
import dev.plumbline.reconciler.ignored.IgnoredCommit;
import dev.plumbline.reconciler.reconcile.IgnoredCommitInbox;
import dev.plumbline.reconciler.reconcile.ReconcileReason;
import dev.plumbline.reconciler.reconcile.ReconcileRequest;
import dev.plumbline.reconciler.reconcile.Reconciler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Says why nothing happened: a commit the git-watcher ignored becomes the {@code CommitIgnored} condition of every
 * Application watching its repository, written by a compare-only reconcile of each. Commits that deploy something
 * ({@code CommitDetected}) reach the reconciler as renders, so they are passed over here.
 *
 * <p>Every instance reads every commit event (they are keyed by repository, not by app) and keeps the newest ignored
 * commit of each app until the app's reconcile takes it: at once where the app is reconciled, and on another instance
 * if the app's partition moves there. One commit per app at most, so what is kept stays as small as the catalog.
 */
@ApplicationScoped
public class CommitEventsListener implements IgnoredCommitInbox {

    private final Map<String, IgnoredCommit> newest = new ConcurrentHashMap<>();

    @Inject
    Reconciler reconciler;

    @Incoming("commit-events")
    void onCommitEvent(ConsumerRecord<String, PlumblineEvent> commitRecord) {
        if (!(commitRecord.value() instanceof CommitIgnored event)) {
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
