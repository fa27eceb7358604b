package dev.plumbline.gitwatcher.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.eclipse.jgit.transport.Transport;
import org.jboss.logging.Logger;

/**
 * The limits of one running fetch, enforced three ways, since JGit's own timeout bounds only the wait for the next
 * read: HTTP streams count each byte and fail a read past the deadline or the cap ({@link GuardedHttpConnections});
 * JGit's progress monitor reports the fetch cancelled, checked between objects; and a watchdog, every
 * {@link #TICK_MILLIS}, measures the mirror (which also counts what an SSH fetch has written) and, once a limit is
 * passed, closes the transport, which ends an SSH session blocked in a read.
 */
final class FetchGuard implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FetchGuard.class);
    static final long TICK_MILLIS = 250;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "git-watcher-fetch-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final FetchLimits limits;
    private final String url;
    private final Path mirror;
    private final long deadlineNanos;
    private final long mirrorBytesBefore;
    private final AtomicLong received = new AtomicLong();
    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> watchdog;
    private volatile String stopped;

    FetchGuard(FetchLimits limits, String url, Path mirror) throws IOException {
        this.limits = limits;
        this.url = url;
        this.mirror = mirror;
        this.deadlineNanos = System.nanoTime() + limits.deadline().toNanos();
        this.mirrorBytesBefore = FetchLimits.sizeOf(mirror);
        this.watchdog = WATCHDOG.scheduleWithFixedDelay(this::watch, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Why the fetch was stopped; null while it may go on. */
    String stopped() {
        return stopped;
    }

    /** The transport of this fetch, closed should a limit be passed. */
    void opened(Transport transport) {
        transports.add(transport);
        if (stopped != null) {
            transport.close();
        }
    }

    /** Counts bytes read from the server. @throws FetchLimits.Exceeded once a limit is passed */
    void received(long bytes) throws FetchLimits.Exceeded {
        long total = received.addAndGet(bytes);
        if (limits.maxRepoSize() > 0 && total > limits.maxRepoSize()) {
            stop(limits.tooLarge(url, "the server sent more than " + FetchLimits.Sizes.of(total) + " in this fetch"));
        }
        check();
    }

    /** @throws FetchLimits.Exceeded once a limit is passed or the deadline is */
    void check() throws FetchLimits.Exceeded {
        if (stopped == null && remainingMillis() <= 0) {
            stop(limits.deadlinePassed(url));
        }
        if (stopped != null) {
            throw new FetchLimits.Exceeded(stopped);
        }
    }

    /** Milliseconds until the deadline; 0 after it. */
    long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    /** Tells JGit to stop between objects once a limit is passed. */
    EmptyProgressMonitor progress() {
        return new EmptyProgressMonitor() {
            @Override
            public boolean isCancelled() {
                return stopped != null || remainingMillis() <= 0;
            }
        };
    }

    private void watch() {
        try {
            if (remainingMillis() <= 0) {
                stop(limits.deadlinePassed(url));
            } else if (limits.maxRepoSize() > 0) {
                long grown = FetchLimits.sizeOf(mirror) - mirrorBytesBefore;
                if (grown > limits.maxRepoSize()) {
                    stop(limits.tooLarge(url, "this fetch wrote " + FetchLimits.Sizes.of(grown) + " to its mirror"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder changing under the walk; the next tick measures again
            LOG.debugf("cannot measure the mirror of %s: %s", RepoUrl.safe(url), e.getMessage());
        }
    }

    private synchronized void stop(String reason) {
        if (stopped != null) {
            return;
        }
        stopped = reason;
        transports.forEach(Transport::close);
    }

    @Override
    public void close() {
        watchdog.cancel(false);
    }
}
