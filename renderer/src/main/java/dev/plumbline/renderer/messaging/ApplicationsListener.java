package dev.plumbline.renderer.messaging;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the catalog of Applications (what each app renders and how) current from the {@code applications} channel,
 * and hands every change to {@link SpecChanges}, which renders new and changed Applications at once.
 */
@ApplicationScoped
public class ApplicationsListener {

    private final ApplicationCatalog catalog = new ApplicationCatalog();

    @Inject
    SpecChanges specChanges;

    @Incoming("applications")
    void onApplication(ConsumerRecord<String, PlumblineEvent> applicationRecord) {
        catalog.accept(applicationRecord.key(), applicationRecord.value());
        specChanges.offer(applicationRecord.key(),
                applicationRecord.value() instanceof ApplicationSpec spec ? spec : null);
    }

    public ApplicationCatalog catalog() {
        return catalog;
    }
}
