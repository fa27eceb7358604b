package dev.plumbline.reconciler.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationSpecModel;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.reconcile.Reconciler;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** The embedded cluster as the service's acceptance tests see it: Applications made, objects and status awaited. */
public final class LiveCluster {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final EmbeddedKubeApi api;
    private final Reconciler reconciler;

    public LiveCluster(EmbeddedKubeApi api, Reconciler reconciler) {
        this.api = api;
        this.reconciler = reconciler;
    }

    /** Creates the app's namespace and Application, and waits until the service knows it. */
    public void deploy(Application application) {
        namespace(application.getSpec().destination.namespace);
        api.client()
                .resources(Application.class)
                .inNamespace("plumbline")
                .resource(application)
                .create();
        String app = application.getMetadata().getName();
        await().atMost(PATIENCE).until(() -> given().get("/api/apps/" + app).statusCode() == 200);
    }

    /** An app deployed to a namespace of its name; {@code automated} null for a manual one. */
    public void deploy(String app, ApplicationSpecModel.Automated automated) {
        deploy(Renders.application(app, app, automated));
    }

    public void namespace(String name) {
        if (api.client().namespaces().withName(name).get() == null) {
            api.client()
                    .namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    public ConfigMap awaitConfigMap(String namespace, String name, Predicate<ConfigMap> wanted) {
        return await().atMost(PATIENCE)
                .until(() -> configMap(namespace, name).filter(wanted).orElse(null), Objects::nonNull);
    }

    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(
                api.client().configMaps().inNamespace(namespace).withName(name).get());
    }

    public ApplicationStatusModel awaitStatus(String app, Predicate<ApplicationStatusModel> wanted) {
        return await().atMost(PATIENCE).until(() -> status(app), s -> s != null && wanted.test(s));
    }

    public ApplicationStatusModel status(String app) {
        Application application = api.client()
                .resources(Application.class)
                .inNamespace("plumbline")
                .withName(app)
                .get();
        return application == null ? null : application.getStatus();
    }

    /**
     * Waits for a status as the service's own cache has it ({@code GET /api/apps/{name}}), without sending a request
     * to the API server, for tests that count those.
     */
    public ApplicationStatusModel awaitCachedStatus(String app, Predicate<ApplicationStatusModel> wanted) {
        return await().atMost(PATIENCE)
                .until(
                        () -> given().get("/api/apps/" + app)
                                .jsonPath()
                                .getObject("status", ApplicationStatusModel.class),
                        s -> s != null && wanted.test(s));
    }

    public static Optional<ApplicationStatusModel.Condition> condition(ApplicationStatusModel status, String type) {
        return status.conditions.stream().filter(c -> type.equals(c.type)).findFirst();
    }

    /** Waits until no reconcile is running and the API has received no write for a while. */
    public void awaitQuiet() {
        long[] last = {-1};
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            long now = api.traffic().writes();
            boolean quiet = now == last[0] && reconciler.idle();
            last[0] = now;
            return quiet;
        });
    }
}
