package dev.plumbline.reconciler.reconcile;

import static dev.plumbline.reconciler.testing.LiveCluster.condition;
import static dev.plumbline.reconciler.testing.Renders.automated;
import static dev.plumbline.reconciler.testing.Renders.configMap;
import static dev.plumbline.reconciler.testing.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.events.project.NamespaceResources;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.reconcile.ReconcileContext.ObjectOutcome;
import dev.plumbline.reconciler.testing.AcceptanceFixture;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.Renders;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Whose an object is, against the embedded API: what prune may delete (the tracking id, the UID it decided on) and
 * when a sync may take over an object it did not create (adoptExisting).
 */
@QuarkusTest
@WithTestResource(EmbeddedKafkaResource.class)
@WithTestResource(ApplicationsCluster.class)
@Tag("slow")
class OwnershipAcceptanceTest extends AcceptanceFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SyncSteps syncSteps;

    @Test
    void aConfigMapLabelledByHandWithTheAppsMarksIsNotPrunedAndIsReported() {
        String app = "hand-labelled";
        cluster.deploy(app, automated(true));
        kafka.send(render(app, "rev1", List.of(configMap(app, app, "keep", Map.of()))));
        cluster.awaitConfigMap(app, "keep", map -> true);

        createConfigMap(app, "planted", Map.of("plumbline.dev/app", app), true);
        kafka.send(render(app, "rev2", List.of(configMap(app, app, "keep", Map.of("k", "v")))));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "OwnershipUnproven").isPresent());
        assertThat(condition(status, "OwnershipUnproven").get().message)
                .contains("ConfigMap v1 hand-labelled/planted")
                .contains("no plumbline.dev/tracking-id");
        cluster.awaitConfigMap(app, "keep", map -> "v".equals(map.getData().get("k")));
        cluster.awaitQuiet();
        assertThat(cluster.configMap(app, "planted"))
                .as("the hand-labelled ConfigMap")
                .isPresent();
    }

    @Test
    void aPruneDecidedOnAnObjectThatWasSinceDeletedAndCreatedAgainKeepsTheNewObject() {
        String namespace = "recreated";
        cluster.namespace(namespace);
        ConfigMap decidedOn = createConfigMap(namespace, "settings", trackedAs("recreated", namespace), true);
        JsonNode seenBySync = JSON.valueToTree(decidedOn);
        api.client().configMaps().inNamespace(namespace).withName("settings").delete();
        await().until(() -> cluster.configMap(namespace, "settings").isEmpty());
        ConfigMap recreated = createConfigMap(namespace, "settings", trackedAs("recreated", namespace), true);
        ReconcileContext context = pruning("recreated", namespace, seenBySync);

        syncSteps.prune(context);

        assertThat(context.outcomes())
                .extracting(ObjectOutcome::operation, ObjectOutcome::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ApplyOperation.PRUNE, ApplyResult.SKIPPED));
        assertThat(context.outcomes().get(0).error()).contains("deleted and created again");
        assertThat(cluster.configMap(namespace, "settings"))
                .as("the object created after the decision")
                .hasValueSatisfying(map -> assertThat(map.getMetadata().getUid())
                        .isEqualTo(recreated.getMetadata().getUid()));
    }

    @Test
    void anExistingUnlabelledObjectIsNotAdoptedByDefaultAndTheConditionSaysHowToOptIn() {
        String app = "no-adoption";
        cluster.namespace(app);
        createConfigMap(app, "settings", Map.of(), false);
        cluster.deploy(app, automated(true));

        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("owner", "git")))));

        ApplicationStatusModel status =
                cluster.awaitStatus(app, s -> condition(s, "AdoptionRefused").isPresent());
        assertThat(condition(status, "AdoptionRefused").get().message)
                .contains("ConfigMap v1 no-adoption/settings already exists and was not created by Plumbline")
                .contains("spec.syncPolicy.adoptExisting: true");
        cluster.awaitQuiet();
        ConfigMap live = cluster.configMap(app, "settings").orElseThrow();
        assertThat(live.getData()).as("the existing object's data").containsEntry("owner", "someone");
        assertThat(live.getMetadata().getLabels()).doesNotContainKey("app.kubernetes.io/managed-by");
    }

    @Test
    void anExistingUnlabelledObjectIsAdoptedAndReportedWhenTheApplicationOptsIn() {
        String app = "adoption";
        cluster.namespace(app);
        createConfigMap(app, "settings", Map.of(), false);
        Application application = Renders.application(app, app, automated(true));
        application.getSpec().syncPolicy.adoptExisting = true;
        cluster.deploy(application);

        kafka.send(render(app, "rev1", List.of(configMap(app, app, "settings", Map.of("owner", "git")))));

        cluster.awaitConfigMap(
                app, "settings", map -> "git".equals(map.getData().get("owner")));
        ApplicationStatusModel status = cluster.awaitStatus(app, s -> !s.history.isEmpty());
        assertThat(status.history.get(0).message).contains("1 adopted from outside Plumbline");
        assertThat(condition(status, "AdoptionRefused")).isEmpty();
    }

    private ConfigMap createConfigMap(String namespace, String name, Map<String, String> annotations, boolean label) {
        ConfigMapBuilder map = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withAnnotations(annotations)
                .withLabels(label ? Map.of("app.kubernetes.io/managed-by", "plumbline") : Map.of())
                .endMetadata()
                .withData(Map.of("owner", "someone"));
        return api.client()
                .configMaps()
                .inNamespace(namespace)
                .resource(map.build())
                .create();
    }

    private static Map<String, String> trackedAs(String app, String namespace) {
        return Map.of(
                "plumbline.dev/app", app, "plumbline.dev/tracking-id", app + ":/ConfigMap:" + namespace + "/settings");
    }

    /** A sync of an app with prune on, that decided to delete {@code live} as the informer showed it. */
    private static ReconcileContext pruning(String app, String namespace, JsonNode live) {
        ProjectPolicy everything = new ProjectPolicy(
                "default",
                true,
                1,
                List.of("**"),
                List.of(ProjectDestination.of("*")),
                List.of(),
                NamespaceResources.ANY,
                null,
                List.of());
        return PruningContexts.pruning(app, Renders.REPO, namespace, everything, live);
    }
}
