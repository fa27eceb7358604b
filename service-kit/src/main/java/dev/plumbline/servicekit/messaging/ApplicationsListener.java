package dev.plumbline.servicekit.messaging;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.servicekit.applications.ApplicationChanges;
import dev.plumbline.servicekit.applications.CatalogFeed;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the catalog of Applications current from the {@code application-catalog} channel (the
 * {@code plumbline.applications} topic, configured in this module's microprofile-config.properties) and tells every
 * {@link ApplicationChanges} bean of the service after each change.
 * Bad records are handled by {@link CatalogFeed}'s one policy. A service that writes the applications topic instead
 * of reading it (the reconciler) turns this listener off with {@code plumbline.applications.listen=false}.
 */
@ApplicationScoped
@IfBuildProperty(name = "plumbline.applications.listen", stringValue = "true", enableIfMissing = true)
public class ApplicationsListener {

    private final CatalogFeed feed;

    @Inject
    ApplicationsListener(Instance<ApplicationChanges> services) {
        this.feed = new CatalogFeed(
                (app, spec, catalog) -> services.forEach(service -> service.changed(app, spec, catalog)));
    }

    @Incoming("application-catalog")
    void onApplication(ConsumerRecord<String, PlumblineEvent> applicationRecord) {
        feed.accept(
                applicationRecord.partition(),
                applicationRecord.offset(),
                applicationRecord.key(),
                applicationRecord.value());
    }

    public ApplicationCatalog catalog() {
        return feed.catalog();
    }

    /** Whether the catalog has read each partition up to the given end offset. */
    public boolean reached(Map<Integer, Long> endOffsets) {
        return feed.reached(endOffsets);
    }
}
