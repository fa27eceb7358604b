package dev.plumbline.notifier.delivery;

import dev.plumbline.events.NotificationSent;
import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.template.RenderedMessage;
import dev.plumbline.servicekit.ratelimit.TokenBucket;
import io.smallrye.faulttolerance.api.Guard;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Delivers to one destination, one notification at a time and in order: the destination's rate limit, circuit
 * breaker and timeout apply to it alone, and a destination that is down holds back only its own messages. A
 * notification ends delivered, suppressed as a repeat, or in the dead letters; only then is it reported done, so
 * that its events' offsets are committed. One stopped by a shutdown is never reported done and is read again. At
 * most {@code plumbline.delivery.max-queue} notifications wait for it (the dispatcher dead-letters more), and its
 * thread ends once it has had nothing to do for {@code plumbline.delivery.idle-retire}.
 */
final class DestinationWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DestinationWorker.class);

    private final Target target;
    private final Channel channel;
    private final DeliverySettings settings;
    private final TokenBucket rateLimit;
    private final Guard guard;
    private final DeadLetters deadLetters;
    private final ThreadPoolExecutor executor;
    /** Notifications taken and not done yet, queued or in delivery. */
    private final AtomicInteger unfinished = new AtomicInteger();

    private volatile long idleSince = System.nanoTime();
    /** Counted down by {@link #close()}, so a wait between attempts ends at once when the service stops. */
    private final CountDownLatch closed = new CountDownLatch(1);

    DestinationWorker(Target target, Channel channel, DeliverySettings settings, DeadLetters deadLetters) {
        this.target = target;
        this.channel = channel;
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.rateLimit = channel.rateLimit(target.destination());
        this.guard = settings.guardFor(target);
        // one thread at most, ended when idle for idle-retire; a bounded queue, so a slow destination holds back
        // at most max-queue notifications in memory
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                1,
                1,
                settings.config().idleRetire().toNanos(),
                TimeUnit.NANOSECONDS,
                new LinkedBlockingQueue<>(settings.config().maxQueue()),
                runnable -> {
                    Thread thread = new Thread(runnable, "plumbline-notify-" + target);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /**
     * Queues a notification; {@code done} runs once it is delivered, suppressed or dead-lettered.
     *
     * @return false, and {@code done} is not run, when max-queue notifications already wait
     */
    boolean offer(Notification notification, Runnable done) {
        unfinished.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    deliver(notification);
                    done.run();
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    LOG.debugf(
                            "stopped before %s was told of %s; it is read again after the restart",
                            target, notification.dedupKey());
                } finally {
                    finished();
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            finished();
            return false;
        }
    }

    /** Whether it has had nothing to deliver for {@code idle} at {@code nanoTime}. */
    boolean idleFor(Duration idle, long nanoTime) {
        return unfinished.get() == 0 && nanoTime - idleSince >= idle.toNanos();
    }

    private void finished() {
        if (unfinished.decrementAndGet() == 0) {
            idleSince = System.nanoTime();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        executor.shutdownNow();
    }

    private void deliver(Notification notification) throws InterruptedException {
        DedupWindow dedup = settings.dedup();
        Notification toSend = null;
        Outgoing outgoing = null;
        Instant first = Instant.now();
        int attempts = 0;
        while (true) {
            // decided again before every attempt: while this one waited, the instance that took the app over (or
            // held it before) may have told the destination, and the delivery log has brought that here
            Optional<Notification> decided = dedup.decide(target.toString(), notification, Instant.now());
            if (decided.isEmpty()) {
                settings.metrics().outcome(target, "suppressed");
                return;
            }
            if (!decided.get().equals(toSend)) {
                toSend = decided.get();
                RenderedMessage message = settings.templates().render(toSend);
                outgoing = channel.prepare(target.destination(), deliveryId(target, toSend), toSend, message);
            }
            pause(rateLimit.reserve(Instant.now()));
            attempts++;
            DeliveryFailure failure = attempt(outgoing);
            if (failure == null) {
                Notification told = toSend;
                DeadLetters.untilWritten(
                        target,
                        () -> settings.records()
                                .sent(NotificationSent.of(
                                        told.correlationId(),
                                        told.app(),
                                        told.dedupKey(),
                                        told.occasion(),
                                        target.channel(),
                                        target.destination(),
                                        told.revision(),
                                        told.objectIdentities(),
                                        told.sourceEventIds().stream()
                                                .distinct()
                                                .toList())),
                        closed);
                dedup.record(target.toString(), told.dedupKey(), told.objectIdentities(), Instant.now());
                settings.metrics().outcome(target, "delivered");
                return;
            }
            Optional<Duration> next = settings.retryPolicy()
                    .next(
                            attempts,
                            failure,
                            Duration.between(first, Instant.now()),
                            ThreadLocalRandom.current()::nextDouble);
            if (next.isEmpty()) {
                deadLetters.write(target, toSend, outgoing, attempts, failure.getMessage(), first, closed);
                return;
            }
            LOG.debugf(
                    "%s: attempt %d failed (%s); next in %d ms",
                    target, attempts, failure.getMessage(), next.get().toMillis());
            pause(next.get());
        }
    }

    /** One attempt through the circuit breaker and timeout; null when it went through. */
    private DeliveryFailure attempt(Outgoing outgoing) throws InterruptedException {
        try {
            guard.call(
                    () -> {
                        channel.send(target.destination(), outgoing);
                        return null;
                    },
                    Void.class);
            settings.metrics().attempt(target, "ok");
            return null;
        } catch (DeliveryFailure failure) {
            settings.metrics()
                    .attempt(
                            target,
                            !failure.retryable()
                                    ? "refused"
                                    : failure.retryAfter().isPresent() ? "rate-limited" : "failed");
            return failure;
        } catch (CircuitBreakerOpenException open) {
            settings.metrics().attempt(target, "circuit-open");
            return DeliveryFailure.transientFailure(target + ": circuit breaker open after repeated failures");
        } catch (TimeoutException timeout) {
            // the guard interrupted the attempt; that interrupt was for the attempt, not for this worker
            Thread.interrupted();
            settings.metrics().attempt(target, "timeout");
            return DeliveryFailure.transientFailure(target + " did not answer within the delivery timeout");
        } catch (InterruptedException stopping) {
            throw stopping;
        } catch (Exception unexpected) {
            settings.metrics().attempt(target, "failed");
            return DeliveryFailure.transientFailure(
                    target + ": " + unexpected.getClass().getSimpleName());
        }
    }

    /** Stable for a destination and what it is told, so a receiver recognises a repeat after a restart. */
    static String deliveryId(Target target, Notification notification) {
        String identity = target + "|" + notification.dedupKey() + "|" + notification.objectIdentities();
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void pause(Duration duration) throws InterruptedException {
        DeadLetters.pause(duration, closed);
    }
}
