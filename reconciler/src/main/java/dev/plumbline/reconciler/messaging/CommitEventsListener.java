package dev.plumbline.reconciler.messaging;

import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.git.WatchingApplication;
import dev.plumbline.reconciler.ignored.IgnoredCommit;
import dev.plumbline.reconciler.reconcile.AppInbox;
import dev.plumbline.reconciler.reconcile.ReconcileRequest;
import dev.plumbline.reconciler.reconcile.Reconciler;
import dev.plumbline.reconciler.reconcile.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Says why nothing happened: a commit the git-watcher ignored becomes the {@code CommitIgnored} condition of every
 * Application watching its repository, written by a compare-only reconcile of each. Commits that deploy something
 * ({@code CommitDetected}) reach the reconciler as renders, so they are passed over here.
 */
@ApplicationScoped
public class CommitEventsListener {

    private final AppInbox<IgnoredCommit> ignored = new AppInbox<>();

    @Inject
    Reconciler reconciler;

    @Incoming("commit-events")
    CompletionStage<Void> onCommitEvent(ConsumerRecord<String, PlumblineEvent> commitRecord) {
        if (!(commitRecord.value() instanceof CommitIgnored event)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?>[] written = new CompletableFuture<?>[event.watchers().size()];
        for (int i = 0; i < written.length; i++) {
            WatchingApplication watcher = event.watchers().get(i);
            ignored.offer(watcher.app(), IgnoredCommit.forWatcher(event, watcher));
            written[i] = reconciler.submit(watcher.app(), ReconcileRequest.of(Trigger.LIVE_CHANGED))
                    .exceptionally(failure -> null);
        }
        return CompletableFuture.allOf(written);
    }

    /** The ignored commits heard of for the app since its last reconcile, oldest first, now taken out. */
    public List<IgnoredCommit> take(String app) {
        return ignored.take(app);
    }
}
