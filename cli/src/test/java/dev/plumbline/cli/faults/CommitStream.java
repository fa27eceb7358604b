package dev.plumbline.cli.faults;

import dev.plumbline.cli.demo.DemoStepException;
import dev.plumbline.cli.demo.GitWatcherWebhook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * A bounded stream of commits, one every {@link #PERIOD}, each announced to git-watcher by a webhook as a Git host
 * would. Commit {@code n} changes a fifth of the apps in turn; the last one changes all of them, so that every app
 * has somewhere to end. The two apps the pause and fight rows hold ({@link #HELD_APPS}) change only in the last
 * commit, since a new render ends a fight.
 */
final class CommitStream implements AutoCloseable {

    static final int COMMITS = 12;
    static final Duration PERIOD = Duration.ofMillis(2_500);
    static final int HELD_APPS = 2;
    private static final int GROUPS = 5;

    private final AppFleet fleet;
    private final Supplier<GitWatcherWebhook> webhook;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final CompletableFuture<Instant> done = new CompletableFuture<>();
    private final AtomicInteger pushed = new AtomicInteger();
    private final AtomicInteger webhooksRefused = new AtomicInteger();
    private final String label;

    private CommitStream(AppFleet fleet, Supplier<GitWatcherWebhook> webhook, String label) {
        this.fleet = fleet;
        this.webhook = webhook;
        this.label = label;
    }

    /** Starts pushing; {@code webhook} is asked each time, since a restarted git-watcher may listen elsewhere. */
    static CommitStream start(AppFleet fleet, Supplier<GitWatcherWebhook> webhook, String label) {
        CommitStream stream = new CommitStream(fleet, webhook, label);
        stream.scheduler.scheduleAtFixedRate(stream::next, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return stream;
    }

    /** The apps the rotating commits change: all but the held ones. */
    static List<Integer> rotatingGroup(int commit) {
        return IntStream.range(0, AppFleet.APPS - HELD_APPS)
                .filter(i -> i % GROUPS == commit % GROUPS)
                .boxed()
                .toList();
    }

    static List<String> heldApps() {
        return IntStream.range(AppFleet.APPS - HELD_APPS, AppFleet.APPS)
                .mapToObj(AppFleet::app)
                .toList();
    }

    private void next() {
        int n = pushed.get() + 1;
        try {
            List<Integer> apps =
                    n == COMMITS ? IntStream.range(0, AppFleet.APPS).boxed().toList() : rotatingGroup(n);
            fleet.commit(apps, label + ": commit " + n + " of " + COMMITS);
            pushed.incrementAndGet();
            announce();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            scheduler.shutdown();
            return;
        }
        if (n == COMMITS) {
            done.complete(Instant.now());
            scheduler.shutdown();
        }
    }

    /** A webhook git-watcher does not take is lost, as a Git host's would be once its retries ran out: polling finds the commit. */
    private void announce() {
        try {
            if (!webhook.get().pushed(fleet.url(), "main").accepted()) {
                webhooksRefused.incrementAndGet();
            }
        } catch (DemoStepException unanswered) {
            webhooksRefused.incrementAndGet();
        }
    }

    int pushed() {
        return pushed.get();
    }

    int webhooksRefused() {
        return webhooksRefused.get();
    }

    /** Waits until the last commit is pushed; returns when it was. */
    Instant awaitLast(Duration within) {
        return done.orTimeout(within.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
