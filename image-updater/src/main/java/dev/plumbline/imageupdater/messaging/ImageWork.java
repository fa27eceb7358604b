package dev.plumbline.imageupdater.messaging;

import dev.plumbline.imageupdater.config.ImageUpdaterConfig;
import dev.plumbline.imageupdater.config.SecretMask;
import dev.plumbline.imageupdater.promote.Cause;
import dev.plumbline.imageupdater.promote.ImageKey;
import dev.plumbline.imageupdater.promote.ImageLedger;
import dev.plumbline.imageupdater.promote.ImageWatch;
import dev.plumbline.imageupdater.promote.Promoter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * When each image is checked: at every poll tick, at a registry notification, at the retry time of a failing
 * registry, and when an Application starts watching it. Checks run on {@code plumbline.image-updater.workers}
 * threads, one at a time per image of an app; a check asked for while one waits is the same check.
 */
@ApplicationScoped
public class ImageWork {

    private static final Logger LOG = Logger.getLogger(ImageWork.class);
    private static final Duration HISTORY_PATIENCE = Duration.ofMinutes(5);

    @Inject
    ImageUpdaterConfig config;

    @Inject
    WatchedImages watched;

    @Inject
    Promoter promoter;

    @Inject
    ImageLedger ledger;

    @Inject
    HistoryReader history;

    @Inject
    SecretMask mask;

    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private KeyedSerial serial;
    private final Set<ImageKey> waiting = ConcurrentHashMap.newKeySet();

    void onStart(@Observes StartupEvent start) {
        pool = Executors.newFixedThreadPool(config.service().workers(), named("plumbline-image-work"));
        timer = Executors.newSingleThreadScheduledExecutor(named("plumbline-image-poll"));
        serial = new KeyedSerial(pool);
        long interval = config.service().pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::pollAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    /** Checks every watched image whose registry is not waiting out a failure. */
    void pollAll() {
        Instant now = Instant.now();
        for (ImageKey key : watched.keys()) {
            if (ledger.nextAttempt(key).map(next -> next.isAfter(now)).orElse(false)) {
                continue;
            }
            check(key, Cause.poll());
        }
    }

    /** Checks one image soon; a check of it already waiting to run stands for this one too. */
    public void check(ImageKey key, Cause cause) {
        if (!waiting.add(key)) {
            return;
        }
        serial.submit(key, () -> {
            waiting.remove(key);
            runCheck(key, cause);
            return null;
        });
    }

    /** Runs work on an image in turn with its checks, once the history is read. */
    public <T> CompletableFuture<T> run(ImageKey key, Supplier<T> work) {
        return serial.submit(key, () -> {
            awaitHistory();
            return work.get();
        });
    }

    private void runCheck(ImageKey key, Cause cause) {
        awaitHistory();
        Optional<ImageWatch> watch = watched.get(key);
        if (watch.isEmpty()) {
            return;
        }
        try {
            promoter.check(watch.get(), cause).ifPresent(next -> {
                long delay = Math.max(0, Duration.between(Instant.now(), next).toMillis());
                timer.schedule(() -> check(key, cause), delay, TimeUnit.MILLISECONDS);
            });
        } catch (RuntimeException failed) {
            LOG.errorf("%s: the check failed: %s; the next poll tries again", key, mask.apply(failed.getMessage()));
        }
    }

    private void awaitHistory() {
        try {
            if (!history.awaitLoaded(HISTORY_PATIENCE)) {
                throw new IllegalStateException(
                        "the image history was not read within " + HISTORY_PATIENCE + "; is Kafka reachable?");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the image history", interrupted);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
