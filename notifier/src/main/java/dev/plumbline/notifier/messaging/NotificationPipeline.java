package dev.plumbline.notifier.messaging;

import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.notifier.aggregate.Aggregator;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.notifier.delivery.Dispatcher;
import dev.plumbline.notifier.occasion.OccasionDerivation;
import dev.plumbline.notifier.occasion.Occurrence;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The notifier's steps in one place: an event gives rise to occasions, occurrences gather into notifications, due
 * notifications go to the dispatcher, and each record is acknowledged once all that came of it is done. The
 * channel threads hand events in; a ticker releases due notifications, once start-up has read the delivery log
 * and the Application catalog.
 */
@ApplicationScoped
public class NotificationPipeline {

    private static final Logger LOG = Logger.getLogger(NotificationPipeline.class);
    private static final long TICK_MILLIS = 200;

    private final OccasionDerivation derivation;
    private final Aggregator aggregator;
    private final AckTracker acks = new AckTracker();
    private final Duration maxEventAge;
    private final Dispatcher dispatcher;
    private final ApplicationsListener applications;
    private final StartupGate gate;
    private ScheduledExecutorService ticker;

    NotificationPipeline(
            NotifierConfig config,
            Dispatcher dispatcher,
            ApplicationsListener applications,
            StartupGate gate,
            MeterRegistry registry) {
        this.derivation = new OccasionDerivation(config.aggregation().syncTimeout());
        this.aggregator = new Aggregator(
                config.aggregation().quiet(), config.aggregation().maxHold());
        this.maxEventAge = config.aggregation().maxEventAge();
        this.dispatcher = dispatcher;
        this.applications = applications;
        this.gate = gate;
        // what waits: records not yet committable, and notifications still gathering events
        Gauge.builder("plumbline.notifier.pending.records", acks, AckTracker::pending)
                .description("Records read whose notifications are not done yet")
                .register(registry);
        Gauge.builder("plumbline.notifier.gathering", this, pipeline -> pipeline.gathering())
                .description("Notifications gathering events before they are sent")
                .register(registry);
    }

    private synchronized int gathering() {
        return aggregator.pending();
    }

    void onStart(@Observes StartupEvent start) {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plumbline-notify-ticker");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** Takes one record's event; {@code ack} runs once everything made of it is done. */
    public void accept(PlumblineEvent event, Runnable ack) {
        Instant now = Instant.now();
        if (event == null || event.time().isBefore(now.minus(maxEventAge))) {
            ack.run();
            return;
        }
        acks.register(event.eventId(), ack);
        synchronized (this) {
            OccasionDerivation.Derivation derived =
                    derivation.derive(event, applications.catalog().get(event.app()), now);
            take(derived, now);
            if (derived.held()) {
                acks.hold(event.eventId());
            }
        }
        acks.release(event.eventId());
    }

    private void take(OccasionDerivation.Derivation derived, Instant now) {
        for (Occurrence occurrence : derived.occurrences()) {
            occurrence.sourceEventIds().forEach(acks::hold);
            aggregator.add(occurrence, now);
        }
        derived.released().forEach(acks::release);
    }

    private void tick() {
        try {
            Instant now = Instant.now();
            List<Notification> due = new ArrayList<>();
            synchronized (this) {
                take(derivation.expire(now), now);
                if (gate.open(now)) {
                    due.addAll(aggregator.due(now));
                }
            }
            for (Notification notification : due) {
                dispatcher.dispatch(
                        notification,
                        applications.catalog().get(notification.app()),
                        () -> notification.sourceEventIds().forEach(acks::release));
            }
        } catch (RuntimeException unexpected) {
            // the ticker must survive a bad notification, or nothing would ever be told again
            LOG.error("cannot release due notifications", unexpected);
        }
    }
}
