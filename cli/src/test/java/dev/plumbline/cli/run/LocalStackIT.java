package dev.plumbline.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged services and the standalone sandbox, started as a user's {@code plumb up} starts them. */
class LocalStackIT {

    @TempDir
    static Path runDir;

    static RunLayout layout;
    static RunningStack stack;
    static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void startEverything() throws IOException {
        layout = new RunLayout(Path.of("..").toAbsolutePath().normalize(), runDir);
        // the broker and git-watcher (whose artifact URLs name its port) need a port chosen up front; everything
        // else takes any free port and says which
        StackSettings settings = new StackSettings(freePort(), 0, 0,
                new StackSettings.ServicePorts(freePort(), 0, 0, 0, 0), Optional.empty(), Optional.empty());
        stack = new LocalStack(layout, settings, progress::add).start();
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void everyPackagedServiceReportsReadyAgainstTheStandaloneBroker() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (ServiceProcess service : ServiceProcess.values()) {
            String url = stack.environment().get(service.urlVariable);
            HttpResponse<String> ready = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(service.module + " readiness").isEqualTo(200);
            assertThat(ready.body()).as(service.module + " readiness").contains("\"status\": \"UP\"").contains("Kafka");
            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(service.module + " metrics").isEqualTo(200);
            assertThat(metrics.body()).as(service.module + " metrics").contains("jvm_memory_used_bytes");
        }
        assertThat(progress).anyMatch(line -> line.startsWith("kafka ready at 127.0.0.1:"));
    }

    @Test
    void theEnvFileTellsToolsWhereEverythingIsAndOnlyItsOwnerCanReadIt() throws IOException {
        String env = Files.readString(layout.envFile());
        for (String variable : List.of("KUBECONFIG", "KAFKA_BOOTSTRAP_SERVERS", "GIT_SERVER_URL", "GIT_SERVER_ROOT",
                "GIT_USERNAME", "GIT_PASSWORD", "PLUMBLINE_WEBHOOK_SECRET", "GIT_WATCHER_URL", "RENDERER_URL",
                "RECONCILER_URL", "DRIFT_AUDITOR_URL", "NOTIFIER_URL")) {
            assertThat(env).contains("export " + variable + "='");
        }
        assertThat(Files.getPosixFilePermissions(layout.envFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(layout.kubeconfig()).isRegularFile();
    }

    @Test
    void everyComponentLogsToItsOwnFile() {
        for (RunningComponent component : stack.components()) {
            assertThat(component.log()).as(component.name()).isRegularFile().isNotEmptyFile();
        }
    }

    /**
     * The GitOps story through every process: an Application created in the cluster is published by the reconciler,
     * its repository fetched by git-watcher, rendered by the renderer from git-watcher's artifact and applied by the
     * reconciler; then a change by hand is seen by the drift-auditor, attributed to its field manager, and healed
     * by the reconciler on the drift-auditor's request.
     */
    @Test
    void anApplicationIsFetchedRenderedAppliedAndHealedAfterAChangeByHand() throws Exception {
        String repoUrl = new SandboxRepository(stack.environment(), layout.gitRoot()).pushDeployment("shop", "apps/web");

        try (KubernetesClient cluster = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
                Files.readString(layout.kubeconfig()))).build();
                EventTestClient kafka = new EventTestClient(stack.environment().get("KAFKA_BOOTSTRAP_SERVERS"))) {
            cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata()
                    .build()).serverSideApply();
            cluster.load(new ByteArrayInputStream("""
                    apiVersion: plumbline.dev/v1alpha1
                    kind: Application
                    metadata:
                      name: web
                      namespace: plumbline
                    spec:
                      source:
                        repoURL: %s
                        targetRevision: main
                        path: apps/web
                      destination:
                        namespace: shop
                      syncPolicy:
                        automated:
                          prune: true
                          selfHeal: true
                    """.formatted(repoUrl).getBytes(StandardCharsets.UTF_8))).serverSideApply();

            ManifestsRendered rendered = kafka.awaitRecord(Topics.RENDERED_MANIFESTS, Duration.ofSeconds(120),
                    ManifestsRendered.class, event -> event.app().equals("web"));
            assertThat(rendered.repoUrl()).isEqualTo(repoUrl);
            assertThat(rendered.objects()).singleElement()
                    .satisfies(object -> assertThat(object.identity().kind()).isEqualTo("ConfigMap"));

            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                ConfigMap applied = cluster.configMaps().inNamespace("shop").withName("web-settings").get();
                assertThat(applied).isNotNull();
                assertThat(applied.getData()).containsEntry("greeting", "hello");
                assertThat(applied.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "plumbline");
                assertThat(applied.getMetadata().getManagedFields()).anyMatch(f -> f.getManager().equals("plumbline"));
            });

            cluster.configMaps().inNamespace("shop").withName("web-settings").patch(
                    new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-edit").build(),
                    "{\"data\":{\"greeting\":\"changed during an incident\"}}");

            DriftDetected drift = kafka.awaitRecord(Topics.DRIFT_ALERTS, Duration.ofSeconds(60), DriftDetected.class,
                    event -> event.app().equals("web"));
            assertThat(drift.objects()).singleElement().satisfies(object -> assertThat(object.fields())
                    .anySatisfy(field -> assertThat(field.changedBy().manager()).isEqualTo("kubectl-edit")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    cluster.configMaps().inNamespace("shop").withName("web-settings").get().getData())
                    .containsEntry("greeting", "hello"));
            kafka.awaitRecord(Topics.DRIFT_ALERTS, Duration.ofSeconds(60), DriftRecovered.class,
                    event -> event.app().equals("web"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
