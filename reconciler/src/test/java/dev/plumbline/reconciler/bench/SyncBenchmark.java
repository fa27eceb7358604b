package dev.plumbline.reconciler.bench;

import dev.plumbline.engine.diff.ApplicationDiffer;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.testing.ApplicationsCluster;
import dev.plumbline.reconciler.testing.Renders;
import dev.plumbline.reconciler.testing.TestProjects;
import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Prints the reconciler's figures: diff throughput (objects compared per second, an unchanged 4-object app), the
 * time to sync 1,000 Applications of 4 objects each against the embedded Kubernetes API, and the API requests per
 * unchanged object once they are synced (target 0). The bus is secured as in a run (SASL/SCRAM over TLS, the
 * reconciler and the stand-in renderer each as its own principal, every render signed and verified), so the figures
 * include what that costs. It runs the packaged service as its own process, against an
 * embedded broker and API started here. Run with {@code ./mvnw -B -Pbench -pl reconciler -am verify -DskipTests}
 * ({@code -Dbench.apps=100} for a quicker run).
 */
public final class SyncBenchmark {

    private static final int APPS = Integer.getInteger("bench.apps", 1000);
    private static final int OBJECTS = 4;

    public static void main(String[] args) throws Exception {
        diffThroughput();
        // the bus as a run has it: SASL/SCRAM over TLS, each client as its own principal, renders signed
        Path run = Files.createTempDirectory("sync-benchmark");
        Path clients = run.resolve("kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.startSecured(run.resolve("kafka-data"), freePort(), clients);
                EmbeddedKubeApi api = new EmbeddedKubeApi().start()) {
            prepare(api);
            int port = freePort();
            Process service = start(api, EmbeddedKafka.clientProperties(clients, "reconciler"), port);
            try {
                run(api, EmbeddedKafka.clientSettings(clients, "renderer"), port);
            } finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
        // the fabric8 client's Vert.x event loop outlives the client on this classpath (Quarkus' Vert.x beside
        // the plain one), and its threads would keep the JVM, and so Maven, waiting after the figures are out
        System.exit(0);
    }

    private static Process start(EmbeddedKubeApi api, Path kafkaClient, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/bench-service.log").toFile());
        builder.environment().put("PLUMBLINE_KAFKA_CLIENT_PROPERTIES", kafkaClient.toString());
        builder.environment().put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", api.url());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("PLUMBLINE_KUBE_QPS", "1000");
        builder.environment().put("PLUMBLINE_KUBE_BURST", "1000");
        builder.environment().put("PLUMBLINE_SYNC_WORKERS", "8");
        // the embedded broker is one broker: the production replication of 3 could not create a topic there
        builder.environment().put("PLUMBLINE_TOPICS_REPLICATION_FACTOR", "1");
        builder.environment().put("PLUMBLINE_TOPICS_MIN_INSYNC_REPLICAS", "1");
        builder.environment()
                .put(
                        "PLUMBLINE_TRUST_RENDERER_KEYS",
                        TestSigningKeys.publicKeyFile("renderer").toString());
        builder.environment()
                .put(
                        "PLUMBLINE_TRUST_GIT_WATCHER_KEYS",
                        TestSigningKeys.publicKeyFile("git-watcher").toString());
        builder.environment()
                .put(
                        "PLUMBLINE_TRUST_DRIFT_AUDITOR_KEYS",
                        TestSigningKeys.publicKeyFile("drift-auditor").toString());
        return builder.start();
    }

    private static void run(EmbeddedKubeApi api, Map<String, Object> renderer, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        await(() -> get(http, port, "/q/health/ready").contains("\"UP\""), 120, "the service to be ready");
        // the renderer creates its topics at its start; until plumbline.rendered-manifests exists the reconciler holds
        // none of its partitions, so it owns no app and reconciles none, and no Application would ever be seen
        try (EventTestClient client = new EventTestClient(renderer)) {
            client.ensureTopics(PlumblineService.RENDERER.ownedTopics());
        }
        List<ManifestsRendered> renders = new ArrayList<>();
        for (int i = 0; i < APPS; i++) {
            String app = "bench-" + i;
            api.client()
                    .resources(Application.class)
                    .inNamespace("plumbline")
                    .resource(Renders.application(app, "bench", Renders.automated(true)))
                    .create();
            List<RenderedObject> objects = new ArrayList<>();
            for (int o = 0; o < OBJECTS; o++) {
                objects.add(Renders.configMap(app, "bench", app + "-" + o, Map.of("index", String.valueOf(o))));
            }
            renders.add(Renders.render(app, "bench", "rev1", objects));
        }
        await(() -> reconciles(http, port) >= APPS, 120, "every Application to be seen");
        long getsBeforeSync = api.traffic().count("GET");
        long writesBeforeSync = api.traffic().writes();
        long start = System.nanoTime();
        try (EventTestClient client = new EventTestClient(renderer)) {
            renders.forEach(client::send);
        }
        await(() -> synced(http, port) >= APPS, 900, "every app to be synced");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "sync of %d Applications x %d objects: %.1f s (%.0f objects/s)%n",
                APPS, OBJECTS, seconds, APPS * OBJECTS / seconds);
        long syncGets = api.traffic().count("GET") - getsBeforeSync;
        long syncWrites = api.traffic().writes() - writesBeforeSync;
        System.out.printf(
                "API requests during the sync: %d GET, %d writes (%.2f per object)%n",
                syncGets, syncWrites, (syncGets + syncWrites) / (double) (APPS * OBJECTS));

        awaitQuiet(api);
        long writes = api.traffic().writes();
        long gets = api.traffic().count("GET");
        double before = reconciles(http, port);
        try (EventTestClient client = new EventTestClient(renderer)) {
            renders.forEach(client::send);
        }
        await(() -> reconciles(http, port) >= before + APPS, 300, "the same renders to be reconciled again");
        awaitQuiet(api);
        long requests = api.traffic().writes() - writes + api.traffic().count("GET") - gets;
        System.out.printf(
                "steady state: %d API requests for %d unchanged objects = %.3f per object (target 0)%n",
                requests, APPS * OBJECTS, requests / (double) (APPS * OBJECTS));
    }

    private static void diffThroughput() {
        List<RenderedObject> desired = new ArrayList<>();
        for (int o = 0; o < OBJECTS; o++) {
            desired.add(Renders.configMap("bench", "bench", "cm-" + o, Map.of("index", String.valueOf(o), "k", "v")));
        }
        var live = desired.stream().map(RenderedObject::body).toList();
        ApplicationDiffer differ = new ApplicationDiffer("bench", List.of(), false);
        for (int i = 0; i < 50_000; i++) {
            differ.compare(desired, live);
        }
        int rounds = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            differ.compare(desired, live);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "diff throughput: %.0f objects/s (unchanged ConfigMaps, whole-app compare)%n",
                rounds * OBJECTS / seconds);
    }

    private static void prepare(EmbeddedKubeApi api) throws Exception {
        for (String definition : List.of(ApplicationsCluster.APPLICATION_CRD, ApplicationsCluster.PROJECT_CRD)) {
            try (InputStream crd = Files.newInputStream(Path.of(definition))) {
                api.client()
                        .resource(api.client()
                                .getKubernetesSerialization()
                                .unmarshal(crd, CustomResourceDefinition.class))
                        .create();
            }
        }
        for (String namespace : List.of("plumbline", "bench")) {
            api.client()
                    .namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
        api.client().resource(TestProjects.allowingEverything()).create();
    }

    /** Apps the service reports synced, asked of the service rather than the API so as not to load the API. */
    private static long synced(HttpClient http, int port) {
        Matcher synced = Pattern.compile("\"syncStatus\":\"synced\"").matcher(get(http, port, "/api/apps"));
        long count = 0;
        while (synced.find()) {
            count++;
        }
        return count;
    }

    private static double reconciles(HttpClient http, int port) {
        Matcher count = Pattern.compile("plumbline_reconcile_duration_seconds_count\\{[^}]*} ([0-9.E]+)")
                .matcher(get(http, port, "/q/metrics"));
        double total = 0;
        while (count.find()) {
            total += Double.parseDouble(count.group(1));
        }
        return total;
    }

    /** Waits until no write has reached the API for two seconds. */
    private static void awaitQuiet(EmbeddedKubeApi api) {
        AtomicLong last = new AtomicLong(-1);
        Awaitility.await("the API to see no more writes")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> last.getAndSet(api.traffic().writes()) == last.get());
    }

    private static String get(HttpClient http, int port, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception notYet) {
            return "";
        }
    }

    private static void await(Callable<Boolean> check, int seconds, String what) {
        try {
            Awaitility.await(what)
                    .atMost(Duration.ofSeconds(seconds))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(check);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("timed out waiting for " + what + "; see target/bench-service.log", e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
