package dev.plumbline.driftauditor;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.driftauditor.drift.DriftFixtures;
import dev.plumbline.driftauditor.messaging.Ownership;
import dev.plumbline.driftauditor.testing.EventCollector;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.SelfHealFight;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.DriftResolution;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import dev.plumbline.sandbox.kube.EmbeddedKubeApiResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Apps moving between instances. The test plays a second drift-auditor: a member of the service's consumer group on
 * {@code plumbline.rendered-manifests} that takes some partitions and publishes, for the apps on them, what a
 * drift-auditor would have told (alerts, heal requests, fights). When it dies or leaves, the service takes those
 * apps over and must carry on where the other left off: the same episode, the same fight, the same heal backoff.
 */
@QuarkusTest
@WithTestResource(EmbeddedKafkaResource.class)
@WithTestResource(EmbeddedKubeApiResource.class)
@Tag("slow")
class DriftHandOverTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final int PARTITIONS = 6;

    private String servers;
    private EventTestClient kafka;
    private EventCollector events;
    private KubernetesClient kube;

    @BeforeEach
    void theOtherServicesTopicsAndTheCluster() {
        servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        kafka = new EventTestClient(servers);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            for (PlumblineService service : PlumblineService.values()) {
                kafka.ensureTopics(service.ownedTopics());
            }
        });
        events = new EventCollector(servers, Topics.DRIFT_ALERTS, Topics.SYNC_REQUESTS);
        kube = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl(ConfigProvider.getConfig()
                                .getValue("quarkus.kubernetes-client.api-server-url", String.class))
                        .withNamespace("default")
                        .build())
                .build();
        kube.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .build())
                .serverSideApply();
    }

    @AfterEach
    void close() {
        events.close();
        kafka.close();
        kube.close();
    }

    @Test
    void anInstanceThatDiesMidEpisodeLeavesItsEpisodeFightAndHealBackoffToTheOneTakingOver() {
        try (OtherInstance other = new OtherInstance(servers)) {
            Set<Integer> theirs = other.awaitPartitions();
            String episodeApp = appOn(theirs, "episode");
            String fightApp = appOn(theirs, "fight");
            String freshApp = appOn(theirs, "fresh");
            for (String app : List.of(episodeApp, fightApp, freshApp)) {
                deployAndDrift(app);
            }

            // what the other instance told before it died
            DriftDetected episodeAlert = alert(episodeApp);
            kafka.send(episodeAlert);
            for (int heal = 0; heal < 4; heal++) {
                kafka.send(healRequest(episodeApp));
            }
            DriftDetected fightAlert = alert(fightApp);
            kafka.send(fightAlert);
            kafka.send(SelfHealFight.of(
                    fightAlert.correlationId(),
                    fightApp,
                    fightAlert.episodeId(),
                    identity(fightApp),
                    "spec.replicas",
                    kubectlEdit(),
                    4,
                    Duration.ofMinutes(10)));

            other.die();

            // the app nobody had told about yet shows the service took the partitions over and compared them
            await().atMost(PATIENCE)
                    .until(() -> !events.of(SyncRequested.class, freshApp).isEmpty());
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
                assertThat(events.of(DriftDetected.class, episodeApp))
                        .as("the open episode is not alerted again")
                        .extracting(DriftDetected::episodeId)
                        .containsOnly(episodeAlert.episodeId());
                assertThat(events.of(DriftDetected.class, fightApp))
                        .extracting(DriftDetected::episodeId)
                        .containsOnly(fightAlert.episodeId());
                assertThat(events.of(SyncRequested.class, fightApp))
                        .as("the contested field is not healed again")
                        .isEmpty();
                assertThat(events.of(SyncRequested.class, episodeApp))
                        .as("the fifth heal waits for the backoff the first four earned")
                        .hasSize(4);
            });
        }
    }

    @Test
    void anAppHandedBackAfterItsEpisodeEndedElsewhereIsNotRecoveredTwice() {
        List<String> apps = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            String app = appOn(Set.of(partition), "back");
            apps.add(app);
            deployAndDrift(app);
        }
        await().atMost(PATIENCE)
                .until(() -> apps.stream()
                        .noneMatch(app -> events.of(DriftDetected.class, app).isEmpty()));

        Set<Integer> theirs;
        try (OtherInstance other = new OtherInstance(servers)) {
            theirs = other.awaitPartitions();
            // while the other instance holds them, their drift ends and begins again, told by that instance
            for (String app : apps) {
                if (theirs.contains(Ownership.partitionOf(app, PARTITIONS))) {
                    DriftDetected first = events.of(DriftDetected.class, app).get(0);
                    kafka.send(DriftRecovered.of(
                            first.correlationId(),
                            app,
                            first.episodeId(),
                            first.time(),
                            DriftResolution.LIVE_RESTORED,
                            List.of(identity(app))));
                    kafka.send(alert(app));
                }
            }
            other.leave();
        }
        List<String> handedBack = apps.stream()
                .filter(app -> theirs.contains(Ownership.partitionOf(app, PARTITIONS)))
                .toList();
        String kept = apps.stream()
                .filter(app -> !theirs.contains(Ownership.partitionOf(app, PARTITIONS)))
                .findFirst()
                .orElseThrow();

        // everyone's drift is healed by hand: each episode open on the bus ends once, and no other
        for (String app : apps) {
            applyAsPlumbline(deployment(app, app, 3));
        }
        await().atMost(PATIENCE)
                // the recovery the other instance told, and one from this instance
                .until(() -> handedBack.stream()
                        .allMatch(app -> events.of(DriftRecovered.class, app).size() >= 2));
        await().atMost(PATIENCE)
                .until(() -> !events.of(DriftRecovered.class, kept).isEmpty());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            for (String app : handedBack) {
                List<DriftDetected> alerts = events.of(DriftDetected.class, app);
                String open = alerts.get(alerts.size() - 1).episodeId();
                assertThat(events.of(DriftRecovered.class, app))
                        .as("app %s", app)
                        .extracting(DriftRecovered::episodeId)
                        .containsExactly(alerts.get(0).episodeId(), open);
            }
        });
    }

    /** A member of the service's group that takes some partitions, as a second drift-auditor does. */
    private static final class OtherInstance implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private boolean closed;

        OtherInstance(String servers) {
            consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            servers,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "plumbline-drift-auditor",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false,
                            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                            6_000,
                            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                            RangeAssignor.class.getName()),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.RENDERED_MANIFESTS));
        }

        Set<Integer> awaitPartitions() {
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return !consumer.assignment().isEmpty();
            });
            return consumer.assignment().stream().map(TopicPartition::partition).collect(Collectors.toSet());
        }

        /** Gone without leaving the group: its partitions move once its session times out. */
        void die() {
            consumer.close(
                    CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
            closed = true;
        }

        void leave() {
            consumer.close();
            closed = true;
        }

        @Override
        public void close() {
            if (!closed) {
                consumer.close();
            }
        }
    }

    private static String appOn(Set<Integer> partitions, String prefix) {
        for (int n = 0; ; n++) {
            String app = prefix + "-" + UUID.randomUUID().toString().substring(0, 6) + n;
            if (partitions.contains(Ownership.partitionOf(app, PARTITIONS))) {
                return app;
            }
        }
    }

    private void deployAndDrift(String app) {
        ObjectNode desired = deployment(app, app, 3);
        applyAsPlumbline(desired);
        kafka.send(spec(app, DriftMode.HEAL, null));
        kafka.send(render(app, desired));
        await().atMost(PATIENCE)
                .until(() -> kube.genericKubernetesResources("apps/v1", "Deployment")
                                .inNamespace("shop")
                                .withName(app)
                                .get()
                        != null);
        kube.genericKubernetesResources("apps/v1", "Deployment")
                .inNamespace("shop")
                .withName(app)
                .patch(
                        new PatchContext.Builder()
                                .withPatchType(PatchType.JSON_MERGE)
                                .withFieldManager("kubectl-edit")
                                .build(),
                        "{\"spec\":{\"replicas\":5}}");
    }

    private void applyAsPlumbline(ObjectNode body) {
        kube.resource(kube.getKubernetesSerialization().convertValue(body, GenericKubernetesResource.class))
                .fieldManager("plumbline")
                .forceConflicts()
                .serverSideApply();
    }

    private static DriftDetected alert(String app) {
        return DriftDetected.of(
                "corr-" + app,
                app,
                UUID.randomUUID().toString(),
                revision(app),
                DriftMode.HEAL,
                null,
                List.of(new DriftedObject(
                        identity(app),
                        DriftKind.MODIFIED,
                        List.of(new DriftedField(
                                "spec.replicas", IntNode.valueOf(3), IntNode.valueOf(5), kubectlEdit())))));
    }

    private static SyncRequested healRequest(String app) {
        return SyncRequested.of(
                PlumblineService.DRIFT_AUDITOR,
                "corr-" + app,
                app,
                SyncTrigger.SELF_HEAL,
                "spec.replicas drifted",
                "plumbline",
                null,
                List.of(identity(app)));
    }

    private static FieldManagerAttribution kubectlEdit() {
        return new FieldManagerAttribution("kubectl-edit", "Update", Instant.now());
    }

    private static ObjectIdentity identity(String app) {
        return ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", app);
    }

    private static String revision(String app) {
        return "c0ffee1" + app;
    }

    private static ManifestsRendered render(String app, ObjectNode body) {
        RenderedObject object = new RenderedObject(identity(app), body, "apps/" + app + "/" + app + ".yaml");
        return SignedEvents.byRenderer(ManifestsRendered.of(
                "corr-" + app,
                app,
                1,
                DriftFixtures.sourceDigest(app),
                "https://git.example.com/shop.git",
                revision(app),
                "apps/" + app,
                RendererKind.PLAIN,
                List.of(object)));
    }
}
