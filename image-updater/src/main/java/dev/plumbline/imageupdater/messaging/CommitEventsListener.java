package dev.plumbline.imageupdater.messaging;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.imageupdater.config.SecretMask;
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
 * acknowledged once its merges are told; a merge that cannot be told (Kafka away past the publisher's patience) is
 * logged and the channel goes on.
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

    @Inject
    SecretMask mask;

    @Incoming("commit-events")
    @Blocking
    public void onCommitEvent(PlumblineEvent event) throws InterruptedException {
        if (!(event instanceof CommitDetected commit)
                || commit.after() == null
                || commit.commits().isEmpty()) {
            return;
        }
        while (!history.awaitLoaded(HISTORY_PATIENCE)) {
            LOG.warnf(
                    "commit events wait for the image history, still not read after %s; is Kafka reachable?",
                    HISTORY_PATIENCE);
        }
        for (AppSource source : watched.sourcesIn(commit.repoUrl())) {
            if (!MergeWatch.isTarget(source, commit.ref())) {
                continue;
            }
            for (ImageKey key : ledger.openOf(source.app()).keySet()) {
                try {
                    work.run(key, () -> {
                                merges.landed(source, key, commit.after(), commit.commits());
                                return null;
                            })
                            .join();
                } catch (RuntimeException failed) {
                    // one image's failure neither stops the channel nor holds up the other images
                    LOG.errorf(
                            "%s: cannot tell whether %s merged its promotion: %s",
                            key, commit.after(), mask.apply(failed.getMessage()));
                }
            }
        }
        LOG.debugf("commit event %s of %s read", commit.after(), commit.ref());
    }
}
