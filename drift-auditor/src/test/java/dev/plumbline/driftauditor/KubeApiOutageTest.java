package dev.plumbline.driftauditor;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.driftauditor.drift.DriftFixtures;
import dev.plumbline.driftauditor.testing.EventCollector;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import dev.plumbline.sandbox.kube.EmbeddedKubeApiResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes API answering 500 and then not answering at all, each time closing every watch (as an API server
 * restart does): while it is away no drift, orphan or heal is reported for an app in sync (a failed list is not an
 * empty cluster), and once it is back the watches are re-established, so the next edit is one alert.
 */
@QuarkusTest
@TestProfile(KubeApiOutageTest.FrequentFullComparison.class)
@WithTestResource(EmbeddedKafkaResource.class)
@WithTestResource(EmbeddedKubeApiResource.class)
@Tag("slow")
@Tag("outage")
class KubeApiOutageTest {

    /** Full comparisons every 2 s, so that several of them list while the API is away. */
    public static class FrequentFullComparison implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plumbline.drift.full-comparison-interval", "PT2S");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration WINDOW = Duration.ofSeconds(12);

    @EmbeddedKubeApiResource.Kube
    EmbeddedKubeApi api;

    private EventTestClient kafka;
    private EventCollector events;
    private KubernetesClient kube;

    @BeforeEach
    void theOtherServicesTopicsAndTheCluster() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        kafka = new EventTestClient(servers);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            for (PlumblineService service : PlumblineService.values()) {
                kafka.ensureTopics(service.ownedTopics());
            }
        });
        events = new EventCollector(servers, Topics.DRIFT_ALERTS, Topics.SYNC_REQUESTS);
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(
                        ConfigProvider.getConfig().getValue("quarkus.kubernetes-client.api-server-url", String.class))
                .withNamespace("default")
                .build();
        kube = new KubernetesClientBuilder().withConfig(config).build();
        kube.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .build())
                .serverSideApply();
    }

    @AfterEach
    void close() throws InterruptedException {
        api.traffic().clearFaults();
        events.close();
        kafka.close();
        kube.close();
    }

    @Test
    void nothingIsReportedWhileTheApiIsAwayAndAnEditAfterwardsIsOneAlert() {
        String app = "outage-app";
        ObjectNode desired = deployment(app, app, 3);
        kube.resource(toResource(desired))
                .fieldManager("plumbline")
                .forceConflicts()
                .serverSideApply();
        kafka.send(spec(app, DriftMode.HEAL, null));
        kafka.send(render(app, desired));
        kafka.send(ApplyAction.of(
                "corr-" + app,
                app,
                "c0ffee1" + app,
                "sync-1",
                SyncTrigger.AUTOMATED,
                "plumbline",
                identity(desired),
                ApplyOperation.APPLY,
                ApplyResult.SUCCEEDED,
                null,
                1,
                1));
        await().atMost(PATIENCE)
                .until(() -> given().get("/api/apps/" + app + "/drift/patch").statusCode() == 200);

        api.traffic().failFor(WINDOW, 500, true);
        awaitElapsed(WINDOW);
        api.traffic().hangFor(WINDOW, true);
        awaitElapsed(WINDOW);
        // the held requests are answered, the watches re-listed, a few full comparisons run
        awaitElapsed(Duration.ofSeconds(6));
        assertThat(events.of(DriftDetected.class, app)).isEmpty();
        assertThat(events.of(SyncRequested.class, app)).isEmpty();

        kubectlEdit(app, 5);
        await().atMost(PATIENCE)
                .until(() -> !events.of(DriftDetected.class, app).isEmpty());
        await().atMost(PATIENCE)
                .until(() -> !events.of(SyncRequested.class, app).isEmpty());
        assertThat(events.of(DriftDetected.class, app)).hasSize(1);
    }

    private static void awaitElapsed(Duration duration) {
        Instant until = Instant.now().plus(duration);
        await().atMost(duration.plusSeconds(5)).until(() -> !Instant.now().isBefore(until));
    }

    private void kubectlEdit(String name, int replicas) {
        kube.genericKubernetesResources("apps/v1", "Deployment")
                .inNamespace("shop")
                .withName(name)
                .patch(
                        new PatchContext.Builder()
                                .withPatchType(PatchType.JSON_MERGE)
                                .withFieldManager("kubectl-edit")
                                .build(),
                        "{\"spec\":{\"replicas\":" + replicas + "}}");
    }

    private GenericKubernetesResource toResource(ObjectNode body) {
        return kube.getKubernetesSerialization().convertValue(body, GenericKubernetesResource.class);
    }

    private static ObjectIdentity identity(ObjectNode body) {
        return ObjectIdentity.namespaced(
                "apps/v1", "Deployment", "shop", body.at("/metadata/name").asText());
    }

    private static ManifestsRendered render(String app, ObjectNode body) {
        RenderedObject object = new RenderedObject(identity(body), body, "apps/" + app + "/" + app + ".yaml");
        return SignedEvents.byRenderer(ManifestsRendered.of(
                "corr-" + app,
                app,
                1,
                DriftFixtures.sourceDigest(app),
                "https://git.example.com/shop.git",
                "c0ffee1" + app,
                "apps/" + app,
                RendererKind.PLAIN,
                List.of(object)));
    }
}
