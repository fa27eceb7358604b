package dev.plumbline.imageupdater.messaging;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.imageupdater.promote.AppSource;
import dev.plumbline.imageupdater.promote.ImageKey;
import dev.plumbline.imageupdater.promote.ImageLedger;
import dev.plumbline.imageupdater.promote.MergeWatch;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code plumbline.commit-events} (group {@code plumbline-image-updater}) for the commits that land on an
 * app's target branch, and tells a proposed promotion merged when one of them carries its id. A record is
 * acknowledged once its merges are told, so a restart reads again what was not.
 */
@ApplicationScoped
public class CommitEventsListener {

    private static final Logger LOG = Logger.getLogger(CommitEventsListener.class);
    private static final Duration HISTORY_PATIENCE = Duration.ofMinutes(5);

    @Inject
    WatchedImages watched;

    @Inject
    ImageLedger ledger;

    @Inject
    MergeWatch merges;

    @Inject
    ImageWork work;

    @Inject
    HistoryReader history;

    @Incoming("commit-events")
    @Blocking
    public void onCommitEvent(PlumblineEvent event) throws InterruptedException {
        if (!(event instanceof CommitDetected commit)
                || commit.after() == null
                || commit.commits().isEmpty()) {
            return;
        }
        if (!history.awaitLoaded(HISTORY_PATIENCE)) {
            throw new IllegalStateException("the image history is not read yet; the commit event is read again");
        }
        for (AppSource source : watched.sourcesIn(commit.repoUrl())) {
            if (!MergeWatch.isTarget(source, commit.ref())) {
                continue;
            }
            for (ImageKey key : ledger.openOf(source.app()).keySet()) {
                work.run(key, () -> {
                            merges.landed(source, key, commit.after(), commit.commits());
                            return null;
                        })
                        .join();
            }
        }
        LOG.debugf("commit event %s of %s read", commit.after(), commit.ref());
    }
}
