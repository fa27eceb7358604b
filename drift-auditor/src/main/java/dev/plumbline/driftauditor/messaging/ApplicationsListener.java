package dev.plumbline.driftauditor.messaging;

import dev.plumbline.driftauditor.drift.DriftService;
import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the catalog of Applications (drift modes, ignore rules and self-heal pauses) current from the
 * {@code applications} channel, and tells the drift rules of each change.
 */
@ApplicationScoped
public class ApplicationsListener {

    private static final Logger LOG = Logger.getLogger(ApplicationsListener.class);

    private final ApplicationCatalog catalog = new ApplicationCatalog();

    @Inject
    DriftService drift;

    @Incoming("applications")
    void onApplication(ConsumerRecord<String, PlumblineEvent> applicationRecord) {
        try {
            catalog.accept(applicationRecord.key(), applicationRecord.value());
        } catch (IllegalArgumentException refused) {
            LOG.warnf("ignoring record %d/%d of %s: %s", applicationRecord.partition(), applicationRecord.offset(),
                    applicationRecord.topic(), refused.getMessage());
            return;
        }
        drift.specChanged(applicationRecord.key(), (ApplicationSpec) applicationRecord.value());
    }

    public ApplicationCatalog catalog() {
        return catalog;
    }
}
