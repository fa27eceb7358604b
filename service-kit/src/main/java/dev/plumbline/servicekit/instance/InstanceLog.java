package dev.plumbline.servicekit.instance;

import dev.plumbline.servicekit.topics.ServiceSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says once, at start, which instance this is: the name its client ids and Kubernetes requests carry. */
@ApplicationScoped
public class InstanceLog {

    private static final Logger LOG = Logger.getLogger(InstanceLog.class);

    void onStart(@Observes StartupEvent start, ServiceSettings settings) {
        LOG.infof("instance %s", settings.instance());
    }
}
