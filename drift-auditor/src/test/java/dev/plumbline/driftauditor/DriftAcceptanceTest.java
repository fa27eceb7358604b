package dev.plumbline.driftauditor;

import static dev.plumbline.driftauditor.drift.DriftFixtures.deployment;
import static dev.plumbline.driftauditor.drift.DriftFixtures.spec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.driftauditor.drift.DriftFixtures;
import dev.plumbline.driftauditor.pause.ResumeMark;
import dev.plumbline.driftauditor.testing.EventCollector;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditVerifier;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.ImageDetected;
import dev.plumbline.events.ImageDetectionCause;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.PromotionMerged;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.git.GitSignature;
import dev.plumbline.events.git.Trailer;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.ApprovalSource;
import dev.plumbline.events.vocabulary.AuditAction;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.DriftResolution;
import dev.plumbline.events.vocabulary.FetchCauseKind;
import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import dev.plumbline.sandbox.kube.EmbeddedKubeApiResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The acceptance, against the sandbox Kubernetes API and a real broker. The test plays the other services:
 * it publishes specs and renders as the reconciler and renderer do, applies as the reconciler does (server-side
 * apply with field manager {@code plumbline}), and heals when a sync request arrives. Objects are applied before
 * their render is published: the sandbox's watches start without replaying what changed since their list (no
 * resourceVersion semantics), which a real API server does.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = EmbeddedKubeApiResource.class, restrictToAnnotatedClass = true)
@Tag("slow")
class DriftAcceptanceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventTestClient kafka;
    private EventCollector events;
    private KubernetesClient kube;

    @BeforeEach
    void theOtherServicesTopicsAndTheCluster() {
        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        kafka = new EventTestClient(servers);
        // the service creates its own topics at the same time: a describe may miss a topic being created
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
        if (events != null) {
            events.close();
        }
        kafka.close();
        kube.close();
    }

    @Test
    void aKubectlEditIsOneAlertNamingItThenHealedWithTheWholeStoryInAVerifiableAuditTrail() {
        String app = "heal-app";
        ObjectNode desired = deployment(app, app, 3);
        CommitDetected commit = commit("corr-" + app);
        applyAsPlumbline(desired);
        kafka.send(spec(app, DriftMode.HEAL, null));
        kafka.send(commit);
        kafka.send(render(commit.correlationId(), app, desired));
        kafka.send(ApplyAction.of(
                commit.correlationId(),
                app,
                commit.after(),
                "sync-1",
                SyncTrigger.AUTOMATED,
                "plumbline",
                identity(desired),
                ApplyOperation.APPLY,
                ApplyResult.SUCCEEDED,
                null,
                1,
                1));
        awaitWatched(app);

        Instant edited = Instant.now();
        kubectlEdit(app, 5);

        await().atMost(PATIENCE)
                .until(() -> !events.of(DriftDetected.class, app).isEmpty());
        DriftDetected alert = events.of(DriftDetected.class, app).get(0);
        System.out.println(
                "drift alert " + Duration.between(edited, Instant.now()).toMillis() + " ms after the edit");
        assertThat(alert.correlationId()).isEqualTo(commit.correlationId());
        assertThat(alert.objects())
                .as(alert.toString())
                .singleElement()
                .satisfies(object -> assertThat(object.fields()).singleElement().satisfies(field -> {
                    assertThat(field.path()).isEqualTo("spec.replicas");
                    assertThat(field.changedBy().manager()).isEqualTo("kubectl-edit");
                }));

        await().atMost(PATIENCE)
                .until(() -> !events.of(SyncRequested.class, app).isEmpty());
        SyncRequested heal = events.of(SyncRequested.class, app).get(0);
        assertThat(heal.trigger()).isEqualTo(SyncTrigger.SELF_HEAL);
        applyAsPlumbline(desired);
        kafka.send(ApplyAction.of(
                heal.correlationId(),
                app,
                commit.after(),
                "sync-2",
                SyncTrigger.SELF_HEAL,
                "plumbline",
                identity(desired),
                ApplyOperation.APPLY,
                ApplyResult.SUCCEEDED,
                null,
                1,
                1));

        await().atMost(PATIENCE)
                .until(() -> !events.of(DriftRecovered.class, app).isEmpty());
        assertThat(events.of(DriftRecovered.class, app).get(0).resolution()).isEqualTo(DriftResolution.HEALED);
        assertThat(events.of(DriftDetected.class, app)).hasSize(1);

        List<JsonNode> trail = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            trail.clear();
            trail.addAll(auditOf(app));
            return trail.stream().anyMatch(r -> r.path("action").asText().equals("drift-recovered"));
        });
        assertThat(trail)
                .extracting(r -> r.path("action").asText())
                .containsSubsequence(
                        AuditAction.COMMIT_DETECTED.label(),
                        AuditAction.RENDERED.label(),
                        AuditAction.APPLIED.label(),
                        AuditAction.DRIFT_DETECTED.label(),
                        AuditAction.HEAL_REQUESTED.label(),
                        AuditAction.HEALED.label());
        assertThat(trail).extracting(r -> r.path("correlationId").asText()).containsOnly(commit.correlationId());
        assertThat(trail.get(0).path("actor").asText()).isEqualTo("Ana Lopez <ana@example.com>");
        assertThat(new AuditVerifier(true, TestSigningKeys.trustedKeys("drift-auditor"))
                        .verify(trail)
                        .problems())
                .isEmpty();

        List<JsonNode> tampered = new ArrayList<>(trail);
        tampered.remove(2);
        assertThat(new AuditVerifier(true).verify(tampered).valid()).isFalse();

        String patch = given().get("/api/apps/" + app + "/drift/patch")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(patch).isEmpty();
    }

    @Test
    void anUnsignedRenderIsNotAdoptedNorHealedTowardAndTheAuditTrailRecordsItsRefusal() {
        String app = "untrusted-app";
        ObjectNode desired = deployment(app, app, 3);
        applyAsPlumbline(desired);
        kafka.send(spec(app, DriftMode.HEAL, null));
        kafka.send(render("corr-" + app, app, desired));
        awaitWatched(app);
        ManifestsRendered signed = render("corr-forged-" + app, app, deployment(app, app, 7));
        ManifestsRendered unsigned = ManifestsRendered.of(
                signed.correlationId(),
                app,
                1,
                signed.sourceDigest(),
                signed.repoUrl(),
                "f0f0f0f" + app,
                signed.path(),
                signed.renderer(),
                signed.objects());

        kafka.send(unsigned);

        await().atMost(PATIENCE)
                .until(() -> auditOf(app).stream()
                        .anyMatch(record ->
                                "render-untrusted".equals(record.get("action").asText())));
        JsonNode refused = auditOf(app).stream()
                .filter(record -> "render-untrusted".equals(record.get("action").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(refused.get("revision").asText()).isEqualTo("f0f0f0f" + app);
        assertThat(refused.get("actor").asText()).isEqualTo("unknown");
        assertThat(refused.at("/details/problem").asText()).contains("it is not signed");
        assertThat(auditOf(app))
                .noneMatch(record -> "rendered".equals(record.get("action").asText())
                        && ("f0f0f0f" + app).equals(record.get("revision").asText()));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> events.of(DriftDetected.class, app).isEmpty()
                        && events.of(SyncRequested.class, app).isEmpty());
    }

    @Test
    void anImagesPromotionOnTheImageEventsTopicIsInTheAppsAuditTrail() {
        String app = "promoted-app";
        String repository = "127.0.0.1:5000/shop/" + app;
        String digest = "sha256:" + "ab".repeat(32);
        kafka.send(ImageDetected.of(
                "corr-" + app,
                app,
                repository,
                "1.2.5",
                digest,
                null,
                null,
                null,
                ImageDetectionCause.poll(),
                true,
                "1.2.5 is the highest version within ~1.2"));
        kafka.send(PromotionMerged.of(
                "corr-" + app,
                app,
                "promo-" + app,
                repository,
                "1.2.5",
                digest,
                "https://git.example.com/c.git",
                "e".repeat(40),
                "https://git.example.com/c/pulls/3",
                "ana",
                List.of("bo"),
                ApprovalSource.HOST,
                PromotionMode.PULL_REQUEST));

        await().atMost(PATIENCE).until(() -> auditOf(app).size() == 2);
        assertThat(auditOf(app))
                .extracting(record -> record.get("action").asText())
                .containsExactly("image-detected", "promotion-merged");
        assertThat(auditOf(app).get(1).at("/details/approvers/0").asText()).isEqualTo("bo");
    }

    @Test
    void inWarnModeTheDriftIsReportedNothingIsHealedAndThePatchRecordsItInGit() {
        String app = "warn-app";
        ObjectNode desired = deployment(app, app, 3);
        applyAsPlumbline(desired);
        kafka.send(spec(app, DriftMode.WARN, null));
        kafka.send(render("corr-" + app, app, desired));
        awaitWatched(app);

        kubectlEdit(app, 5);

        await().atMost(PATIENCE)
                .until(() -> !events.of(DriftDetected.class, app).isEmpty());
        assertThat(events.of(DriftDetected.class, app).get(0).mode()).isEqualTo(DriftMode.WARN);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> events.of(SyncRequested.class, app).isEmpty());

        String patch = given().get("/api/apps/" + app + "/drift/patch")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(patch)
                .contains("--- a/apps/" + app + "/" + app + ".yaml")
                .contains("-  replicas: 3")
                .contains("+  replicas: 5");
        given().get("/api/apps/nobody/drift/patch").then().statusCode(404);
        given().get("/api/audit?since=yesterday").then().statusCode(400);
    }

    @Test
    void whilePausedDriftIsReportedAsPausedAndNotHealedAndAResumeHealsIt() {
        String app = "paused-app";
        ObjectNode desired = deployment(app, app, 3);
        SelfHealPause pause = new SelfHealPause(Instant.now().plus(Duration.ofHours(2)), "ana", "incident 42");
        applyAsPlumbline(desired);
        kafka.send(spec(app, DriftMode.HEAL, pause));
        kafka.send(render("corr-" + app, app, desired));
        awaitWatched(app);

        kubectlEdit(app, 5);

        await().atMost(PATIENCE)
                .until(() -> !events.of(DriftDetected.class, app).isEmpty());
        assertThat(events.of(DriftDetected.class, app).get(0).pause()).isEqualTo(pause);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> events.of(SyncRequested.class, app).isEmpty());

        resumeMarkedBy(app, "bob");
        kafka.send(spec(app, DriftMode.HEAL, null));
        await().atMost(PATIENCE)
                .until(() -> !events.of(SyncRequested.class, app).isEmpty());
        applyAsPlumbline(desired);
        await().atMost(PATIENCE)
                .until(() -> !events.of(DriftRecovered.class, app).isEmpty());

        await().atMost(PATIENCE)
                .until(() -> auditOf(app).stream()
                        .map(r -> r.path("action").asText())
                        .toList()
                        .containsAll(List.of(AuditAction.PAUSED.label(), AuditAction.RESUMED.label())));
        assertThat(auditOf(app))
                .filteredOn(record -> record.path("action").asText().equals(AuditAction.RESUMED.label()))
                .singleElement()
                .satisfies(resumed -> assertThat(resumed.path("actor").asText()).isEqualTo("bob"));
    }

    @Test
    void aDeletedManagedObjectIsHealedAnOrphanIsReportedAndPlumblinesOwnAppliesAreNot() {
        String app = "delete-app";
        ObjectNode desired = deployment(app, app, 3);
        applyAsPlumbline(desired);
        kafka.send(spec(app, DriftMode.HEAL, null));
        kafka.send(render("corr-" + app, app, desired));
        awaitWatched(app);

        applyAsPlumbline(deployment(app, app, 4));
        kube.genericKubernetesResources("apps/v1", "Deployment")
                .inNamespace("shop")
                .withName(app)
                .delete();

        await().atMost(PATIENCE)
                .until(() -> !events.of(SyncRequested.class, app).isEmpty());
        assertThat(events.of(DriftDetected.class, app))
                .singleElement()
                .satisfies(alert -> assertThat(alert.objects().get(0).kind()).isEqualTo(DriftKind.DELETED));

        ObjectNode ghost = deployment("ghost-app", "ghost", 1);
        kube.resource(toResource(ghost))
                .fieldManager("kubectl")
                .forceConflicts()
                .serverSideApply();
        await().atMost(PATIENCE)
                .until(() -> !events.of(DriftDetected.class, "ghost-app").isEmpty());
        assertThat(events.of(DriftDetected.class, "ghost-app").get(0).objects())
                .singleElement()
                .satisfies(object -> assertThat(object.kind()).isEqualTo(DriftKind.ORPHAN));
    }

    /** The Application as {@code plumb app resume --as WHO} leaves it: pause annotations gone, the resume mark set. */
    private void resumeMarkedBy(String app, String who) {
        try (InputStream crd = Files.newInputStream(
                Path.of("..", "reconciler", "src", "main", "kubernetes", "applications.plumbline.dev-v1.yml"))) {
            kube.load(crd).serverSideApply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kube.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("plumbline")
                        .endMetadata()
                        .build())
                .serverSideApply();
        GenericKubernetesResource application = new GenericKubernetesResource();
        application.setApiVersion("plumbline.dev/v1alpha1");
        application.setKind("Application");
        application.setMetadata(new ObjectMetaBuilder()
                .withName(app)
                .withNamespace("plumbline")
                .withAnnotations(Map.of(
                        ResumeMark.RESUMED_BY,
                        who,
                        ResumeMark.RESUMED_AT,
                        Instant.now().toString()))
                .build());
        application.setAdditionalProperty(
                "spec",
                Map.of(
                        "source", Map.of("repoURL", "https://git.example.com/shop.git", "path", "apps/" + app),
                        "destination", Map.of("namespace", "shop")));
        kube.resource(application).serverSideApply();
    }

    private void awaitWatched(String app) {
        // the service has the render and lists the kind: a drift-free app then shows an empty patch
        await().atMost(PATIENCE)
                .until(() -> given().get("/api/apps/" + app + "/drift/patch").statusCode() == 200);
    }

    private List<JsonNode> auditOf(String app) {
        JsonNode records = given().queryParam("app", app)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
        return StreamSupport.stream(records.spliterator(), false).toList();
    }

    private void applyAsPlumbline(ObjectNode body) {
        kube.resource(toResource(body))
                .fieldManager("plumbline")
                .forceConflicts()
                .serverSideApply();
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

    private static ManifestsRendered render(String correlationId, String app, ObjectNode body) {
        RenderedObject object = new RenderedObject(identity(body), body, "apps/" + app + "/" + app + ".yaml");
        return SignedEvents.byRenderer(ManifestsRendered.of(
                correlationId,
                app,
                1,
                DriftFixtures.sourceDigest(app),
                "https://git.example.com/shop.git",
                "c0ffee1" + app,
                "apps/" + app,
                RendererKind.PLAIN,
                List.of(object)));
    }

    private static CommitDetected commit(String correlationId) {
        Instant now = Instant.now();
        CommitInfo info = new CommitInfo(
                "c0ffee1heal-app",
                new GitSignature("Ana Lopez", "ana@example.com", now),
                new GitSignature("Ana Lopez", "ana@example.com", now),
                "Scale web\n\nReviewed-by: Bo",
                List.of(new Trailer("Reviewed-by", "Bo")));
        return SignedEvents.byGitWatcher(CommitDetected.of(
                correlationId,
                "https://git.example.com/shop.git",
                "refs/heads/main",
                null,
                "c0ffee1heal-app",
                RefUpdateKind.INITIAL,
                List.of(info),
                List.of("apps/heal-app/heal-app.yaml"),
                new FetchCause(FetchCauseKind.WEBHOOK, null, null, null),
                new Artifact("http://gw/a.tgz", "0".repeat(64))));
    }
}
