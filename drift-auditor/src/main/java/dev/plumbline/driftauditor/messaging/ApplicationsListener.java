package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftService;
import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the catalog of Applications (drift modes, ignore rules and self-heal pauses) current from the
 * {@code applications} channel, and tells the drift rules of each change.
 */
@ApplicationScoped
public class ApplicationsListener {

    private static final Logger LOG = Logger.getLogger(ApplicationsListener.class.getName());

    private final ApplicationCatalog catalog = new ApplicationCatalog();

    @Inject
    DriftService drift;

    @Incoming("applications")
    void onApplication(ConsumerRecord<String, PlumblineEvent> applicationRecord) {
        try {
            catalog.accept(applicationRecord.key(), applicationRecord.value());
        } catch (IllegalArgumentException refused) {
            LOG.warning("ignoring record " + applicationRecord.partition() + "/" + applicationRecord.offset()
                    + " of " + applicationRecord.topic() + ": " + refused.getMessage());
            return;
        }
        drift.specChanged(applicationRecord.key(), (ApplicationSpec) applicationRecord.value());
    }

    public ApplicationCatalog catalog() {
        return catalog;
    }
}
