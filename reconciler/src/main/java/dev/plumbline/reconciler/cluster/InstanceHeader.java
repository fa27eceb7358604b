package dev.plumbline.reconciler.cluster;

import dev.plumbline.servicekit.instance.InstanceName;
import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names this instance on every request of the service's Kubernetes client ({@value InstanceName#KUBERNETES_HEADER}),
 * so that the API server's side (the sandbox's traffic, an audit log) can tell which of several instances made it.
 * The user agent and the field managers stay as they are: they name the service, not the instance.
 */
@Singleton
public class InstanceHeader implements KubernetesConfigCustomizer {

    private final String instance;

    public InstanceHeader(@ConfigProperty(name = InstanceName.PROPERTY) String instance) {
        this.instance = instance;
    }

    @Override
    public void customize(Config config) {
        Map<String, String> headers = new HashMap<>();
        if (config.getCustomHeaders() != null) {
            headers.putAll(config.getCustomHeaders());
        }
        headers.put(InstanceName.KUBERNETES_HEADER, instance);
        config.setCustomHeaders(headers);
    }
}
