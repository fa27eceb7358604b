package dev.plumbline.gitwatcher.messaging;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.gitwatcher.poll.RepoWatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the catalog of Applications (which repositories and refs to watch) current from the {@code applications}
 * channel, and tells the watcher after each change.
 */
@ApplicationScoped
public class ApplicationsListener {

    private final ApplicationCatalog catalog = new ApplicationCatalog();

    @Inject
    RepoWatcher watcher;

    @Incoming("applications")
    void onApplication(ConsumerRecord<String, PlumblineEvent> applicationRecord) {
        catalog.accept(applicationRecord.key(), applicationRecord.value());
        watcher.applicationsChanged(catalog.all());
    }

    public ApplicationCatalog catalog() {
        return catalog;
    }
}
