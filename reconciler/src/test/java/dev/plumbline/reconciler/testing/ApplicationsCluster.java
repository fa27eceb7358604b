package dev.plumbline.reconciler.testing;

import dev.plumbline.sandbox.kube.EmbeddedKubeApiResource;
import java.util.Map;

/**
 * The embedded Kubernetes API as the reconciler's acceptance tests need it: the {@code plumbline} namespace and the
 * Application CRD the reconciler's build generates, so that each test class names one resource instead of its setup.
 */
public class ApplicationsCluster extends EmbeddedKubeApiResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of(NAMESPACE, "plumbline", CRDS, "src/main/kubernetes/applications.plumbline.dev-v1.yml"));
    }
}
