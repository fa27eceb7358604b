package dev.plumbline.notifier.delivery;

import dev.plumbline.events.NotificationDeadLettered;
import dev.plumbline.notifier.aggregate.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes delivery outcomes, above all the notifications given up on: after their last failed attempt, or turned away
 * by a bound on destinations or on a destination's queue. Kafka away must not lose an outcome, so a write is tried
 * until it succeeds or the notifier stops.
 */
final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration RECORD_RETRY = Duration.ofSeconds(2);

    private final DeliverySettings settings;

    DeadLetters(DeliverySettings settings) {
        this.settings = settings;
    }

    /**
     * @param attempts     how many times it was sent; 0 when a bound turned it away
     * @param reason       the last failure or the bound, safe to log: never a URL or a token
     * @param firstAttempt when the first attempt was made, or when it was turned away
     * @param stopping     counted down when the notifier stops
     */
    void write(
            Target target,
            Notification notification,
            Outgoing outgoing,
            int attempts,
            String reason,
            Instant firstAttempt,
            CountDownLatch stopping)
            throws InterruptedException {
        LOG.warnf(
                "%s was not told of %s after %d attempts (%s); written to the dead letters",
                target, notification.dedupKey(), attempts, reason);
        untilWritten(
                target,
                () -> settings.records()
                        .deadLettered(NotificationDeadLettered.of(
                                notification.correlationId(),
                                notification.app(),
                                notification.dedupKey(),
                                notification.occasion(),
                                target.channel(),
                                target.destination(),
                                notification.revision(),
                                outgoing.title(),
                                outgoing.text(),
                                outgoing.body(),
                                attempts,
                                reason,
                                firstAttempt,
                                notification.sourceEventIds().stream()
                                        .distinct()
                                        .toList())),
                stopping);
        settings.metrics().deadLetter(target);
        settings.metrics().outcome(target, "dead-lettered");
    }

    /** Tries {@code write} until it succeeds, or until {@code stopping} is counted down. */
    static void untilWritten(Target target, Write write, CountDownLatch stopping) throws InterruptedException {
        while (true) {
            try {
                write.run();
                return;
            } catch (InterruptedException stop) {
                throw stop;
            } catch (Exception kafkaTrouble) {
                LOG.warnf(
                        "%s: cannot write the delivery outcome to Kafka yet (%s); trying again",
                        target, kafkaTrouble.getClass().getSimpleName());
                pause(RECORD_RETRY, stopping);
            }
        }
    }

    /** Waits {@code duration}; ends at once, interrupted, when {@code stopping} is counted down. */
    static void pause(Duration duration, CountDownLatch stopping) throws InterruptedException {
        if (!duration.isZero() && !duration.isNegative() && stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("the notifier is stopping");
        }
    }

    @FunctionalInterface
    interface Write {
        void run() throws Exception;
    }
}
