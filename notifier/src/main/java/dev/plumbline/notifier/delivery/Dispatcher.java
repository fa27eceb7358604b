package dev.plumbline.notifier.delivery;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.notifier.aggregate.DedupWindow;
import dev.plumbline.notifier.aggregate.Notification;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.notifier.template.MessageTemplates;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/** Sends each notification to every destination subscribed to it, each through its own worker. */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Map<NotificationChannel, Channel> channels = new EnumMap<>(NotificationChannel.class);
    private final Routing routing;
    private final DeliverySettings settings;
    private final Map<Target, DestinationWorker> workers = new ConcurrentHashMap<>();
    private final Set<Target> warnedUnknown = ConcurrentHashMap.newKeySet();

    Dispatcher(
            Instance<Channel> channels,
            Routing routing,
            DedupWindow dedup,
            MessageTemplates templates,
            DeliveryRecords records,
            DeliveryMetrics metrics,
            NotifierConfig config) {
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
        this.settings = new DeliverySettings(dedup, templates, retry, records, metrics, delivery);
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
        targets.forEach(target -> workers.computeIfAbsent(
                        target, t -> new DestinationWorker(t, channels.get(t.channel()), settings))
                .submit(notification, oneDone));
    }

    @PreDestroy
    void stop() {
        workers.values().forEach(DestinationWorker::close);
    }

    private boolean known(Target target) {
        Channel channel = channels.get(target.channel());
        if (channel != null && channel.knows(target.destination())) {
            return true;
        }
        settings.metrics().outcome(target, "unconfigured");
        if (warnedUnknown.add(target)) {
            LOG.warnf(
                    "no destination %s is configured; notifications for it are dropped (see docs/notifier.md)", target);
        }
        return false;
    }
}
