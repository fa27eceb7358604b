package dev.plumbline.gitwatcher.poll;

import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.vocabulary.FetchCauseKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Decides when each repository is fetched: at once when it begins to be watched, on every nudge (webhook, manual
 * refresh), and on its own poll timer otherwise. A repository has at most one fetch running; nudges that arrive
 * meanwhile are folded into one more fetch after it, so a burst of webhooks costs two fetches, not fifty. Fetches run
 * on a pool of workers, each bounded by the fetch timeout, so a slow or failing repository never holds up the others
 * beyond the worker it occupies.
 */
public final class FetchScheduler implements AutoCloseable {

    /** Fetches one repository; false when it failed (the scheduler then backs off). */
    @FunctionalInterface
    public interface Task {
        boolean fetch(String repoKey, FetchCause cause, String correlationId);
    }

    private record Request(FetchCause cause, String correlationId) {}

    private static final class Slot {
        boolean running;
        boolean removed;
        int failures;
        Request pending;
        ScheduledFuture<?> timer;
        Instant nextPoll;
    }

    private final Backoff backoff;
    private final Task task;
    private final RandomGenerator random;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final ExecutorService workers;
    private volatile boolean closed;

    public FetchScheduler(Backoff backoff, int concurrency, Task task, RandomGenerator random) {
        this.backoff = backoff;
        this.task = task;
        this.random = random;
        AtomicInteger count = new AtomicInteger();
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "git-watcher-timer"));
        this.workers = Executors.newFixedThreadPool(
                concurrency, r -> daemon(r, "git-watcher-fetch-" + count.incrementAndGet()));
    }

    /** Starts watching a repository: a fetch now, then polls. Watching it again only nudges it. */
    public void watch(String repoKey, FetchCause cause) {
        slots.computeIfAbsent(repoKey, k -> new Slot());
        request(repoKey, cause, newCorrelationId());
    }

    /** Stops polling a repository; a fetch running now completes and is not followed by another. */
    public void unwatch(String repoKey) {
        Slot slot = slots.remove(repoKey);
        if (slot != null) {
            synchronized (slot) {
                slot.removed = true;
                cancelTimer(slot);
            }
        }
    }

    /** Asks for a fetch now; false when the repository is not watched. */
    public boolean request(String repoKey, FetchCause cause, String correlationId) {
        Slot slot = slots.get(repoKey);
        if (slot == null) {
            return false;
        }
        synchronized (slot) {
            if (slot.removed || closed) {
                return false;
            }
            Request request = new Request(cause, correlationId);
            if (slot.running) {
                // a poll never replaces a nudge: the fetch after this one is reported as the webhook's or the person's
                if (slot.pending == null || cause.kind() != FetchCauseKind.POLL) {
                    slot.pending = request;
                }
                return true;
            }
            start(repoKey, slot, request);
            return true;
        }
    }

    public Optional<Instant> nextPoll(String repoKey) {
        Slot slot = slots.get(repoKey);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(slot.nextPoll);
        }
    }

    public static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }

    private void start(String repoKey, Slot slot, Request request) {
        slot.running = true;
        cancelTimer(slot);
        workers.execute(() -> run(repoKey, slot, request));
    }

    private void run(String repoKey, Slot slot, Request request) {
        boolean ok = false;
        try {
            ok = task.fetch(repoKey, request.cause(), request.correlationId());
        } finally {
            // also after an unexpected exception: the slot must not stay "running" and stop polling forever
            afterFetch(repoKey, slot, ok);
        }
    }

    private void afterFetch(String repoKey, Slot slot, boolean ok) {
        synchronized (slot) {
            slot.running = false;
            slot.failures = ok ? 0 : slot.failures + 1;
            // after close() the timers and workers refuse new tasks: a fetch ending during shutdown schedules none
            if (slot.removed || closed) {
                return;
            }
            if (slot.pending != null) {
                Request next = slot.pending;
                slot.pending = null;
                start(repoKey, slot, next);
                return;
            }
            Duration delay = backoff.next(slot.failures, random);
            slot.nextPoll = Instant.now().plus(delay);
            slot.timer = timers.schedule(
                    () -> request(repoKey, FetchCause.poll(), newCorrelationId()),
                    delay.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    private static void cancelTimer(Slot slot) {
        if (slot.timer != null) {
            slot.timer.cancel(false);
            slot.timer = null;
        }
        slot.nextPoll = null;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        closed = true;
        timers.shutdownNow();
        workers.shutdownNow();
    }
}
