package dev.plumbline.reconciler;

import static dev.plumbline.reconciler.testing.LiveCluster.condition;
import static dev.plumbline.reconciler.testing.Renders.application;
import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.LiveCluster;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The latest render of an app name is applied only when it was made for the Application's current source: a render
 * of the path it used to have, or of the Application deleted and created again under the same name, waits for a
 * render of what the Application names now.
 */
@QuarkusTest
@WithTestResource(EmbeddedKafkaResource.class)
@WithTestResource(ApplicationsCluster.class)
@Tag("slow")
class RenderForCurrentSourceAcceptanceTest extends AcceptanceFixture {

    private static final String OTHER_REPO = "https://git.example.com/elsewhere/deploy.git";

    @Test
    void aRenderOfTheOldPathArrivingAfterThePathChangedIsNotAppliedAndTheRenderOfTheNewPathIs() {
        String app = "moved";
        Application atPathA = application(app, app, automated(true));
        deployedWithBlueSettings(atPathA);
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

        awaitColor(app, "green");
        cluster.awaitStatus(app, s -> !waitsForRender(s) && s.sync != null && "rev3".equals(s.sync.revision));
    }

    @Test
    void anApplicationDeletedAndCreatedAgainFromAnotherRepositoryIsNotGivenTheRenderOfTheOldOne() {
        String app = "reborn";
        Application before = application(app, app, automated(true));
        deployedWithBlueSettings(before);
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

        awaitColor(app, "green");
    }

    /** Deploys the Application and applies its render rev1, whose ConfigMap "settings" is blue. */
    private void deployedWithBlueSettings(Application application) {
        cluster.deploy(application);
        String app = application.getMetadata().getName();
        kafka.send(render(application, "rev1", settings(app, "blue")));
        awaitColor(app, "blue");
    }

    private void awaitColor(String app, String color) {
        cluster.awaitConfigMap(
                app, "settings", map -> color.equals(map.getData().get("color")));
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
