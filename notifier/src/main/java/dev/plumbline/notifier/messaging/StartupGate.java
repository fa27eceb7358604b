package dev.plumbline.notifier.messaging;

import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Holds notifications back at start-up until the notifier knows what it already told (the delivery log's recent
 * records) and whom to tell (every Application's subscriptions), or until the configured wait is over: a message
 * is delayed, never dropped, while Kafka answers slowly.
 */
@ApplicationScoped
public class StartupGate {

    private static final Logger LOG = Logger.getLogger(StartupGate.class);

    private final Instant deadline;
    private final ApplicationsListener applications;
    private volatile boolean logLoaded;
    private volatile Map<Integer, Long> catalogEnd;
    private volatile boolean open;

    StartupGate(NotifierConfig config, ApplicationsListener applications) {
        this.deadline = Instant.now().plus(config.dedup().startupWait());
        this.applications = applications;
    }

    void deliveryLogLoaded() {
        logLoaded = true;
    }

    /** The end offsets of the applications topic when the notifier started. */
    void catalogEndsAt(Map<Integer, Long> endOffsets) {
        catalogEnd = Map.copyOf(endOffsets);
    }

    public boolean open(Instant now) {
        if (open) {
            return true;
        }
        Map<Integer, Long> end = catalogEnd;
        if (logLoaded && end != null && applications.reached(end)) {
            open = true;
        } else if (!now.isBefore(deadline)) {
            LOG.warnf(
                    "sending before start-up read everything (delivery log read: %s, catalog read: %s); a repeat "
                            + "or a default destination may slip through",
                    logLoaded, end != null && applications.reached(end));
            open = true;
        }
        return open;
    }
}
