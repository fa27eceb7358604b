package dev.plumbline.driftauditor.testing;

import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the sandbox's Kubernetes API for a test class and points the service's fabric8 client at it; tests reach
 * it at {@code quarkus.kubernetes-client.api-server-url}.
 */
public class EmbeddedKubeApiResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKubeApi api;

    @Override
    public Map<String, String> start() {
        api = new EmbeddedKubeApi().start();
        return Map.of(
                "quarkus.kubernetes-client.api-server-url", api.url(),
                "quarkus.kubernetes-client.namespace", "default",
                "quarkus.kubernetes-client.trust-certs", "true",
                "quarkus.kubernetes-client.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
        }
    }
}
