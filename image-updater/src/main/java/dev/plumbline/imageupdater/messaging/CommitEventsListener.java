package dev.plumbline.imageupdater.messaging;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.imageupdater.config.ImageUpdaterConfig;
import dev.plumbline.imageupdater.promote.AppSource;
import dev.plumbline.imageupdater.promote.ImageKey;
import dev.plumbline.imageupdater.promote.ImageLedger;
import dev.plumbline.imageupdater.promote.MergeWatch;
import dev.plumbline.imageupdater.promote.RetryUntilDone;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code plumbline.commit-events} (group {@code plumbline-image-updater}) for the commits that land on an
 * app's target branch, and tells a proposed promotion merged when one of them carries its id. A record is
 * acknowledged only once its merges are told: a merge that cannot be told (Kafka away past the publisher's patience)
 * is tried again with a growing wait, holding the channel, and when the service stops first the record is left
 * unacknowledged and read again after the restart. A record that carries no promotion is acknowledged at once.
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
    ImageUpdaterConfig config;

    /** Counted down at shutdown, so a wait to tell a merge again ends at once instead of holding the service up. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    private RetryUntilDone retry;

    @PostConstruct
    void start() {
        retry = new RetryUntilDone(
                new ExponentialBackoff(
                        config.service().backoffInitial(), 2, config.service().backoffMax(), 0.1),
                this::waitToRetry);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
    }

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
                // a CancellationException at shutdown leaves the record unacknowledged, so it is read again
                retry.run(
                        "telling whether " + commit.after() + " merged the promotion of " + key,
                        () -> work.run(key, () -> {
                                    merges.landed(source, key, commit.after(), commit.commits());
                                    return null;
                                })
                                .join());
            }
        }
        LOG.debugf("commit event %s of %s read", commit.after(), commit.ref());
    }

    private boolean waitToRetry(Duration wait) {
        try {
            return !stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
