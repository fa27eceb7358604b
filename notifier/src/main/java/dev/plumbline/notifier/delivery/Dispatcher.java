package dev.plumbline.notifier.delivery;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.notifier.template.MessageTemplates;
import dev.plumbline.notifier.template.RenderedMessage;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Sends each notification to every destination subscribed to it, each through its own worker. Applications name
 * destinations (any email address), so workers are bounded: at most {@code plumbline.delivery.max-destinations} at
 * once, an idle one gives its place up, and a notification for a destination that finds no place, or finds its
 * destination's queue full, goes to the dead letters with the bound as its reason.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** Unconfigured names warned about and remembered, so each is warned about once while it keeps coming. */
    private static final int WARNED_NAMES_REMEMBERED = 256;

    private final Map<NotificationChannel, Channel> channels = new EnumMap<>(NotificationChannel.class);
    private final Routing routing;
    private final DeliverySettings settings;
    private final DeadLetters deadLetters;
    /** Guarded by {@code this}: a worker is added, offered notifications and retired under the same lock. */
    private final Map<Target, DestinationWorker> workers = new HashMap<>();

    /** The last unconfigured destinations warned about; Applications choose the names, so only a few are kept. */
    private final Set<Target> warnedUnknown =
            Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Target, Boolean> eldest) {
                    return size() > WARNED_NAMES_REMEMBERED;
                }
            }));

    private final CountDownLatch stopping = new CountDownLatch(1);

    @Inject
    Dispatcher(
            Instance<Channel> channels,
            Routing routing,
            DedupWindow dedup,
            MessageTemplates templates,
            DeliveryRecords records,
            DeliveryMetrics metrics,
            NotifierConfig config) {
        this(
                channels.stream().toList(),
                routing,
                new Shared(dedup, templates, records, metrics),
                config,
                target -> DeliverySettings.breakerAndTimeout(config.delivery(), target));
    }

    /** The plain classes every destination's worker shares. */
    record Shared(DedupWindow dedup, MessageTemplates templates, DeliveryRecords records, DeliveryMetrics metrics) {}

    Dispatcher(
            List<Channel> channels,
            Routing routing,
            Shared shared,
            NotifierConfig config,
            Function<Target, Guard> guards) {
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.routing = routing;
        NotifierConfig.Delivery delivery = config.delivery();
        RetryPolicy retry = new RetryPolicy(
                new ExponentialBackoff(
                        delivery.initialBackoff(),
                        delivery.backoffMultiplier(),
                        delivery.maxBackoff(),
                        delivery.jitter()),
                delivery.maxAttempts(),
                delivery.giveUpAfter());
        this.settings = new DeliverySettings(
                shared.dedup(), shared.templates(), retry, shared.records(), shared.metrics(), delivery, guards);
        this.deadLetters = new DeadLetters(settings);
    }

    /**
     * Sends {@code notification} to its destinations; {@code done} runs once every one of them is done with it
     * (delivered, suppressed or dead-lettered), at once when it has none.
     */
    public void dispatch(Notification notification, Optional<ApplicationSpec> spec, Runnable done) {
        List<Target> targets = routing.targets(notification.occasion(), spec).stream()
                .filter(this::known)
                .toList();
        if (targets.isEmpty()) {
            done.run();
            return;
        }
        AtomicInteger remaining = new AtomicInteger(targets.size());
        Runnable oneDone = () -> {
            if (remaining.decrementAndGet() == 0) {
                done.run();
            }
        };
        for (Target target : targets) {
            hand(target, notification, oneDone).ifPresent(bound -> refuse(target, notification, bound, oneDone));
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopping.countDown();
        workers.values().forEach(DestinationWorker::close);
    }

    /** Gives the notification to its destination's worker; the bound that turned it away, if one did. */
    private synchronized Optional<String> hand(Target target, Notification notification, Runnable done) {
        NotifierConfig.Delivery bounds = settings.config();
        DestinationWorker worker = workers.get(target);
        if (worker == null) {
            if (workers.size() >= bounds.maxDestinations()) {
                retireIdleWorkers();
            }
            if (workers.size() >= bounds.maxDestinations()) {
                return Optional.of("all " + bounds.maxDestinations() + " destinations the notifier serves at once"
                        + " are busy (plumbline.delivery.max-destinations); raise it, or name fewer destinations");
            }
            worker = new DestinationWorker(target, channels.get(target.channel()), settings, deadLetters);
            workers.put(target, worker);
        }
        if (!worker.offer(notification, done)) {
            return Optional.of(bounds.maxQueue() + " notifications already wait for this destination"
                    + " (plumbline.delivery.max-queue); it is slower than what it is sent");
        }
        return Optional.empty();
    }

    private void retireIdleWorkers() {
        long now = System.nanoTime();
        workers.values().removeIf(worker -> {
            if (worker.idleFor(settings.config().idleRetire(), now)) {
                worker.close();
                return true;
            }
            return false;
        });
    }

    /** Writes a notification a bound turned away to the dead letters, with the message it would have sent. */
    private void refuse(Target target, Notification notification, String bound, Runnable done) {
        try {
            RenderedMessage message = settings.templates().render(notification);
            Outgoing outgoing = channels.get(target.channel())
                    .prepare(
                            target.destination(),
                            DestinationWorker.deliveryId(target, notification),
                            notification,
                            message);
            deadLetters.write(target, notification, outgoing, 0, bound, Instant.now(), stopping);
            done.run();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            LOG.debugf("stopped before %s was dead-lettered for %s; it is read again after the restart", target, bound);
        }
    }

    private boolean known(Target target) {
        Channel channel = channels.get(target.channel());
        if (channel != null && channel.knows(target.destination())) {
            return true;
        }
        settings.metrics().unconfigured(target);
        if (warnedUnknown.add(target)) {
            LOG.warnf(
                    "no destination %s is configured; notifications for it are dropped (see docs/notifier.md)", target);
        }
        return false;
    }
}
