package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.LiveCluster.condition;
import static dev.plumbline.reconciler.testing.Renders.application;
import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.reconcile.Reconciler;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.LiveCluster;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import dev.plumbline.sandbox.kube.EmbeddedKubeApiResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The latest render of an app name is applied only when it was made for the Application's current source: a render
 * of the path it used to have, or of the Application deleted and created again under the same name, waits for a
 * render of what the Application names now.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApplicationsCluster.class, restrictToAnnotatedClass = true)
@Tag("slow")
class RenderForCurrentSourceAcceptanceTest {

    private static final String OTHER_REPO = "https://git.example.com/elsewhere/deploy.git";

    @EmbeddedKubeApiResource.Kube
    EmbeddedKubeApi api;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Reconciler reconciler;

    private EventTestClient kafka;
    private LiveCluster cluster;

    @BeforeEach
    void connect() {
        cluster = new LiveCluster(api, reconciler);
        kafka = new EventTestClient(bootstrapServers);
        kafka.ensureTopics(PlumblineService.RENDERER.ownedTopics());
        kafka.ensureTopics(PlumblineService.DRIFT_AUDITOR.ownedTopics());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aRenderOfTheOldPathArrivingAfterThePathChangedIsNotAppliedAndTheRenderOfTheNewPathIs() {
        String app = "moved";
        Application atPathA = application(app, app, automated(true));
        cluster.deploy(atPathA);
        kafka.send(render(atPathA, "rev1", settings(app, "blue")));
        cluster.awaitConfigMap(
                app, "settings", map -> "blue".equals(map.getData().get("color")));
        Application atPathB = editPath(app, "apps/moved-b");
        cluster.awaitStatus(app, s -> Long.valueOf(2).equals(s.observedGeneration));

        kafka.send(render(atPathA, "rev2", settings(app, "red")));

        ApplicationStatusModel waiting = cluster.awaitStatus(
                app,
                s -> condition(s, "WaitingForRender")
                                .map(c -> c.message.contains("at rev2"))
                                .orElse(false)
                        || (s.sync != null && "rev2".equals(s.sync.revision)));
        ApplicationStatusModel.Condition condition = condition(waiting, "WaitingForRender")
                .orElseThrow(
                        () -> new AssertionError("the render of the old path was applied: " + waiting.sync.revision));
        assertThat(condition.reason).isEqualTo("SourceChanged");
        assertThat(condition.message).contains("path \"apps/moved-b\"", "path \"apps/moved\" at rev2");
        assertThat(cluster.configMap(app, "settings").orElseThrow().getData()).containsEntry("color", "blue");

        kafka.send(render(atPathB, "rev3", settings(app, "green")));

        cluster.awaitConfigMap(
                app, "settings", map -> "green".equals(map.getData().get("color")));
        cluster.awaitStatus(app, s -> !waitsForRender(s) && s.sync != null && "rev3".equals(s.sync.revision));
    }

    @Test
    void anApplicationDeletedAndCreatedAgainFromAnotherRepositoryIsNotGivenTheRenderOfTheOldOne() {
        String app = "reborn";
        Application before = application(app, app, automated(true));
        cluster.deploy(before);
        kafka.send(render(before, "rev1", settings(app, "blue")));
        cluster.awaitConfigMap(
                app, "settings", map -> "blue".equals(map.getData().get("color")));
        applications().withName(app).delete();
        await().atMost(LiveCluster.PATIENCE)
                .until(() -> given().get("/api/apps/" + app).statusCode() == 404);
        api.client().configMaps().inNamespace(app).withName("settings").delete();
        Application after = application(app, app, automated(true));
        after.getSpec().source.repoURL = OTHER_REPO;
        after.getSpec().source.path = "deploy/reborn";

        cluster.deploy(after);

        ApplicationStatusModel waiting =
                cluster.awaitStatus(app, s -> waitsForRender(s) || (s.sync != null && s.sync.revision != null));
        ApplicationStatusModel.Condition condition = condition(waiting, "WaitingForRender")
                .orElseThrow(() -> new AssertionError(
                        "the render of the deleted Application was applied: " + waiting.sync.revision));
        assertThat(condition.reason).isEqualTo("SourceChanged");
        assertThat(condition.message).contains(OTHER_REPO + " path \"deploy/reborn\"");
        assertThat(cluster.configMap(app, "settings")).isEmpty();

        kafka.send(render(after, "rev7", settings(app, "green")));

        cluster.awaitConfigMap(
                app, "settings", map -> "green".equals(map.getData().get("color")));
    }

    /** Changes the Application's path as a person would, again if the service wrote its status meanwhile. */
    private Application editPath(String app, String path) {
        return await().atMost(LiveCluster.PATIENCE)
                .ignoreExceptionsInstanceOf(KubernetesClientException.class)
                .until(
                        () -> applications().withName(app).edit(application -> {
                            application.getSpec().source.path = path;
                            return application;
                        }),
                        edited -> true);
    }

    private NonNamespaceOperation<Application, KubernetesResourceList<Application>, Resource<Application>>
            applications() {
        return api.client().resources(Application.class).inNamespace("plumbline");
    }

    private static boolean waitsForRender(ApplicationStatusModel status) {
        return condition(status, "WaitingForRender").isPresent();
    }

    private static List<RenderedObject> settings(String app, String color) {
        return List.of(configMap(app, app, "settings", Map.of("color", color)));
    }
}
