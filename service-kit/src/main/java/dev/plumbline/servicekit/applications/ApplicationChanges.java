package dev.plumbline.servicekit.applications;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import java.util.Optional;

/**
 * What a service does when an Application is added, changed or deleted. A service implements it on one of its beans;
 * {@link dev.plumbline.servicekit.messaging.ApplicationsListener} calls every such bean after the catalog has taken the change.
 */
public interface ApplicationChanges {

    /**
     * @param app     the Application that changed
     * @param spec    its new spec; empty when it was deleted
     * @param catalog every Application as now known, the change included
     */
    void changed(String app, Optional<ApplicationSpec> spec, ApplicationCatalog catalog);
}
