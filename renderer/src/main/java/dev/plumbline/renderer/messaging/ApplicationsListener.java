package dev.plumbline.renderer.messaging;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.PlumblineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the catalog of Applications (what each app renders and how) current from the {@code applications} channel. */
@ApplicationScoped
public class ApplicationsListener {

    private final ApplicationCatalog catalog = new ApplicationCatalog();

    @Incoming("applications")
    void onApplication(ConsumerRecord<String, PlumblineEvent> applicationRecord) {
        catalog.accept(applicationRecord.key(), applicationRecord.value());
    }

    public ApplicationCatalog catalog() {
        return catalog;
    }
}
