package dev.plumbline.servicekit.messaging;

import dev.plumbline.engine.desired.DesiredStateStore;
import dev.plumbline.events.PlumblineEvent;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The desired state of the apps of this instance's partitions, kept from the records of a service's
 * {@code rendered-manifests} channel. A record the store refuses (no key, a render under another app's key, an event
 * that is neither a render nor a render failure) is logged and skipped: it never stops the channel, and the app keeps
 * the desired state it had.
 */
public final class DesiredStateFeed {

    private static final Logger LOG = Logger.getLogger(DesiredStateFeed.class);

    private final DesiredStateStore store = new DesiredStateStore();

    /** Takes one record; returns its app when that app's desired state changed, empty when the record was skipped. */
    public Optional<String> accept(ConsumerRecord<String, PlumblineEvent> renderRecord) {
        String app = renderRecord.key();
        if (app == null) {
            skip(renderRecord, "the record has no key (the key is the app's name)");
            return Optional.empty();
        }
        try {
            store.accept(app, renderRecord.value());
        } catch (IllegalArgumentException refused) {
            skip(renderRecord, refused.getMessage());
            return Optional.empty();
        }
        return Optional.of(app);
    }

    public DesiredStateStore store() {
        return store;
    }

    private static void skip(ConsumerRecord<String, PlumblineEvent> renderRecord, String why) {
        LOG.warnf(
                "skipping record %d/%d of %s: %s",
                renderRecord.partition(), renderRecord.offset(), renderRecord.topic(), why);
    }
}
