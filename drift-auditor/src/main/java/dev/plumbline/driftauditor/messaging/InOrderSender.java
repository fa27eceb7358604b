package dev.plumbline.driftauditor.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

/**
 * Publishes events one after another on a thread of its own, each until the broker has it, so that the drift loop
 * never waits for Kafka and an alert raised while the broker is away is published once it is back: in the order
 * raised, and once (a record is sent again only when the producer did not take it, never while it still holds it).
 * An event the broker refuses for good (not authorised, too large) is logged and passed over, so that it does not
 * hold back the ones after it.
 */
final class InOrderSender {

    private static final Logger LOG = Logger.getLogger(InOrderSender.class);
    private static final ExponentialBackoff BACKOFF =
            new ExponentialBackoff(Duration.ofMillis(500), 2, Duration.ofSeconds(10), 0);

    private final Supplier<Producer<String, PlumblineEvent>> producer;
    private final BlockingQueue<PlumblineEvent> queue = new LinkedBlockingQueue<>();
    private final Object drained = new Object();
    private final Thread thread;
    private int unpublished;

    InOrderSender(Supplier<Producer<String, PlumblineEvent>> producer) {
        this.producer = producer;
        this.thread = new Thread(this::publishUntilInterrupted, "drift-auditor-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    void send(PlumblineEvent event) {
        synchronized (drained) {
            unpublished++;
        }
        queue.add(event);
    }

    /**
     * Waits up to {@code patience} for every event handed over so far to be published; says whether all were. An
     * instance letting partitions go waits so, so that their next holder reads back what this one told.
     */
    boolean awaitPublished(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (drained) {
            try {
                for (long left = patience.toMillis();
                        unpublished > 0 && left > 0;
                        left = (deadline - System.nanoTime()) / 1_000_000) {
                    drained.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return unpublished == 0;
        }
    }

    /** Waits up to {@code patience} for every event handed over to be published, then stops. */
    void close(Duration patience) {
        if (!awaitPublished(patience)) {
            synchronized (drained) {
                LOG.warnf(
                        "stopping with %d events not yet published; they are found again after the restart",
                        unpublished);
            }
        }
        thread.interrupt();
    }

    private void publishUntilInterrupted() {
        try {
            while (true) {
                publish(queue.take());
                synchronized (drained) {
                    unpublished--;
                    drained.notifyAll();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(PlumblineEvent event) throws InterruptedException {
        for (int failures = 1; ; failures++) {
            Throwable failure;
            try {
                producer.get()
                        .send(new ProducerRecord<>(event.topic(), event.key(), event))
                        .get();
                if (failures > 1) {
                    LOG.infof(
                            "published %s of app %s after %d failed tries",
                            event.type().typeName(), event.app(), failures - 1);
                }
                return;
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (KafkaException e) {
                failure = e;
            }
            if (!(failure instanceof RetriableException)) {
                LOG.errorf(
                        "the broker refused %s of app %s for good, so it is not published: %s",
                        event.type().typeName(), event.app(), failure.getMessage());
                return;
            }
            Duration wait = BACKOFF.delay(failures);
            LOG.warnf(
                    "cannot publish %s of app %s yet (try %d), trying again in %s: %s",
                    event.type().typeName(), event.app(), failures, wait, failure.getMessage());
            Thread.sleep(wait.toMillis());
        }
    }
}
