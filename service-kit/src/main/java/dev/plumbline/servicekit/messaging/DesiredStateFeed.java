package dev.plumbline.servicekit.messaging;

import dev.plumbline.engine.desired.DesiredStateStore;
import dev.plumbline.engine.desired.UntrustedRender;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.signing.SignatureCheck;
import dev.plumbline.events.signing.TrustedKeys;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The desired state of the apps of this instance's partitions, kept from the records of a service's
 * {@code rendered-manifests} channel. A record the store refuses (no key, a render under another app's key, an event
 * that is neither a render nor a render failure) is logged and skipped: it never stops the channel, and the app keeps
 * the desired state it had. So does a record whose signature the renderer's trusted keys do not verify; that one is
 * reported to the caller, which tells people.
 */
public final class DesiredStateFeed {

    private static final Logger LOG = Logger.getLogger(DesiredStateFeed.class);

    private final DesiredStateStore store;

    /** @param rendererKeys the public keys the renderer signs renders with */
    public DesiredStateFeed(TrustedKeys rendererKeys) {
        this.store = new DesiredStateStore(rendererKeys);
    }

    /** Takes one record; returns what it did to its app, empty when the record was skipped. */
    public Optional<DesiredStateChange> accept(ConsumerRecord<String, PlumblineEvent> renderRecord) {
        String app = renderRecord.key();
        if (app == null) {
            skip(renderRecord, "the record has no key (the key is the app's name)");
            return Optional.empty();
        }
        SignatureCheck check;
        try {
            check = store.accept(app, renderRecord.value());
        } catch (IllegalArgumentException refused) {
            skip(renderRecord, refused.getMessage());
            return Optional.empty();
        }
        if (check.trusted()) {
            return Optional.of(new DesiredStateChange(app, null));
        }
        UntrustedRender untrusted = new UntrustedRender(renderRecord.value(), check.problem());
        LOG.warnf(
                "refused an untrusted %s of app %s at revision %s (claimed source %s, topic %s, partition %d, offset"
                        + " %d): %s. The app keeps its previous desired state; check the renderer's signing key"
                        + " (plumbline.signing.key-file) and plumbline.trust.renderer-keys here",
                untrusted.kind(),
                app,
                untrusted.revision(),
                renderRecord.value().source(),
                renderRecord.topic(),
                renderRecord.partition(),
                renderRecord.offset(),
                check.problem());
        return Optional.of(new DesiredStateChange(app, untrusted));
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
