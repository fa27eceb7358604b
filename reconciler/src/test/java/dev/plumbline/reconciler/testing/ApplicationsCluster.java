package dev.plumbline.reconciler.testing;

import dev.plumbline.sandbox.kube.EmbeddedKubeApiResource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;

/**
 * The embedded Kubernetes API as the reconciler's acceptance tests need it: the {@code plumbline} namespace, the
 * Application and Project CRDs the reconciler's build generates, and a {@code default} project that allows everything
 * ({@link TestProjects#allowingEverything}), so that each test class names one resource instead of its setup and
 * tests whose subject is not tenancy are not refused. Tenancy tests create projects of their own.
 */
public class ApplicationsCluster extends EmbeddedKubeApiResource {

    public static final String APPLICATION_CRD = "src/main/kubernetes/applications.plumbline.dev-v1.yml";
    public static final String PROJECT_CRD = "src/main/kubernetes/projects.plumbline.dev-v1.yml";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of(NAMESPACE, "plumbline", CRDS, APPLICATION_CRD + "," + PROJECT_CRD));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = super.start();
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl(settings.get("quarkus.kubernetes-client.api-server-url"))
                        .withTrustCerts(true)
                        .build())
                .build()) {
            client.resource(TestProjects.allowingEverything()).create();
        }
        return settings;
    }
}
