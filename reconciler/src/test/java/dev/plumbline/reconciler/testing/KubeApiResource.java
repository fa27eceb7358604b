package dev.plumbline.reconciler.testing;

import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts an embedded Kubernetes API for a test class, with the Application CRD (the committed, generated one) and the
 * {@code plumbline} namespace, and points the service's Kubernetes client at it. A field of type
 * {@link EmbeddedKubeApi} annotated {@link Kube} receives it.
 */
public class KubeApiResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the embedded API. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Kube {
    }

    public static final Path CRD = Path.of("src/main/kubernetes/applications.plumbline.dev-v1.yml");

    private EmbeddedKubeApi api;

    @Override
    public Map<String, String> start() {
        api = new EmbeddedKubeApi().start();
        try (InputStream crd = Files.newInputStream(CRD)) {
            api.client().resource(api.client().getKubernetesSerialization().unmarshal(crd,
                    CustomResourceDefinition.class)).create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        api.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("plumbline")
                .endMetadata().build()).create();
        return Map.of("quarkus.kubernetes-client.api-server-url", api.url(),
                "quarkus.kubernetes-client.trust-certs", "true",
                "quarkus.kubernetes-client.namespace", "plumbline",
                "quarkus.kubernetes-client.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(api, new TestInjector.AnnotatedAndMatchesType(Kube.class, EmbeddedKubeApi.class));
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
        }
    }
}
