package dev.plumbline.sandbox.kube;

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
import java.util.Arrays;
import java.util.Map;

/**
 * The Quarkus test resource that starts the sandbox's {@link EmbeddedKubeApi} for a test class and points the
 * service's fabric8 client at it ({@code quarkus.kubernetes-client.api-server-url}). A field of type
 * {@link EmbeddedKubeApi} annotated {@link Kube} receives it. Two optional arguments
 * ({@code @ResourceArg}):
 * <ul>
 * <li>{@value #NAMESPACE}: the client's namespace, created when it is not {@code default};</li>
 * <li>{@value #CRDS}: CustomResourceDefinition files to create first, comma-separated paths from the module.</li>
 * </ul>
 */
public class EmbeddedKubeApiResource implements QuarkusTestResourceLifecycleManager {

    public static final String NAMESPACE = "namespace";
    public static final String CRDS = "crds";

    /** Marks the test field that receives the embedded API. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Kube {}

    private String namespace = "default";
    private String[] crds = {};
    private EmbeddedKubeApi api;

    @Override
    public void init(Map<String, String> initArgs) {
        namespace = initArgs.getOrDefault(NAMESPACE, namespace);
        crds = Arrays.stream(initArgs.getOrDefault(CRDS, "").split(","))
                .map(String::strip)
                .filter(path -> !path.isEmpty())
                .toArray(String[]::new);
    }

    @Override
    public Map<String, String> start() {
        api = new EmbeddedKubeApi().start();
        for (String crd : crds) {
            create(Path.of(crd));
        }
        if (!namespace.equals("default")) {
            api.client()
                    .namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
        return Map.of(
                "quarkus.kubernetes-client.api-server-url",
                api.url(),
                "quarkus.kubernetes-client.namespace",
                namespace,
                "quarkus.kubernetes-client.trust-certs",
                "true",
                "quarkus.kubernetes-client.devservices.enabled",
                "false");
    }

    private void create(Path crd) {
        try (InputStream definition = Files.newInputStream(crd)) {
            api.client()
                    .resource(api.client()
                            .getKubernetesSerialization()
                            .unmarshal(definition, CustomResourceDefinition.class))
                    .create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CustomResourceDefinition " + crd.toAbsolutePath(), e);
        }
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
