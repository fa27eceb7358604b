package dev.plumbline.driftauditor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.driftauditor.drift.DriftFixtures;
import dev.plumbline.driftauditor.drift.DriftLoop;
import dev.plumbline.driftauditor.drift.DriftMonitor;
import dev.plumbline.driftauditor.drift.DriftSettings;
import dev.plumbline.driftauditor.watch.KubeWatcher;
import dev.plumbline.driftauditor.watch.LiveObjectCache;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.DriftRecovered;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.SyncRequested;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.sandbox.kube.EmbeddedKubeApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Drift detection against the sandbox Kubernetes API: 1,000 apps of 4 objects watched, then 200 drifts injected one
 * after another (a merge patch by {@code kubectl-edit}), each healed by playing the reconciler (a server-side apply
 * of desired by {@code plumbline}) when its heal request comes. Prints the heap the watches, cache and rules hold,
 * and latency percentiles: watch event to alert, edit to alert, and drift to healed (edit to recovery). Kafka is
 * left out: publishing is asynchronous and measured by the acceptance tests. Run with
 * {@code ./mvnw -B -Pbench -pl drift-auditor -am verify -DskipTests}.
 */
public final class DriftBenchmark {

    private static final int APPS = 1_000;
    private static final int DRIFTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CompletableFuture<Long>> alerts = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Long>> recoveries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Long>> watchEvents = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> deployments = new ConcurrentHashMap<>();
    private final ExecutorService reconciler = Executors.newSingleThreadExecutor();
    private KubernetesClient kube;

    public static void main(String[] args) throws Exception {
        new DriftBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (EmbeddedKubeApi api = new EmbeddedKubeApi().start()) {
            kube = api.client();
            kube.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("shop")
                            .endMetadata()
                            .build())
                    .serverSideApply();
            List<ManifestsRendered> renders = new ArrayList<>();
            long applyStart = System.nanoTime();
            for (int i = 0; i < APPS; i++) {
                renders.add(applyApp("app-" + i));
            }
            System.out.printf("applied %d objects in %d s%n", APPS * 4, secondsSince(applyStart));

            long heapBefore = usedHeap();
            DriftLoop loop = new DriftLoop();
            KubeWatcher[] watcher = new KubeWatcher[1];
            LiveObjectCache cache = new LiveObjectCache(kinds -> watcher[0].watch(kinds));
            watcher[0] = new KubeWatcher(kube, List.of(), loop::submit, cache);
            DriftMonitor monitor =
                    new DriftMonitor(DriftSettings.defaults(), Clock.systemUTC(), cache, this::published, app -> true);
            watcher[0].monitor(monitor);
            loop.every(java.time.Duration.ofMillis(500), monitor::tick);
            long syncStart = System.nanoTime();
            for (ManifestsRendered render : renders) {
                loop.submit(() ->
                        monitor.specChanged(render.app(), DriftFixtures.spec(render.app(), DriftMode.HEAL, null)));
                loop.submit(() -> monitor.desiredChanged(render.app(), render));
            }
            Awaitility.await()
                    .atMost(java.time.Duration.ofMinutes(5))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> loop.ask(cache::size, java.time.Duration.ofSeconds(30)) >= APPS * 4
                            && watcher[0].watchedKinds().size() == 4);
            loop.ask(() -> null, java.time.Duration.ofSeconds(60));
            System.out.printf(
                    "watching %d objects of %d apps after %d s%n", cache.size(), APPS, secondsSince(syncStart));
            long heapAfter = usedHeap();
            System.out.printf(
                    "memory: %.1f MiB of heap for %d apps of 4 objects (watches, cache, desired state, " + "rules)%n",
                    (heapAfter - heapBefore) / 1024.0 / 1024.0, APPS);

            watchDeployments();
            long[] watchToAlert = new long[DRIFTS];
            long[] editToAlert = new long[DRIFTS];
            long[] driftToHealed = new long[DRIFTS];
            for (int i = 0; i < DRIFTS; i++) {
                String app = "app-" + (i * (APPS / DRIFTS));
                alerts.put(app, new CompletableFuture<>());
                recoveries.put(app, new CompletableFuture<>());
                watchEvents.put(app, new CompletableFuture<>());
                long edit = System.nanoTime();
                kube.genericKubernetesResources("apps/v1", "Deployment")
                        .inNamespace("shop")
                        .withName(app)
                        .patch(
                                new PatchContext.Builder()
                                        .withPatchType(PatchType.JSON_MERGE)
                                        .withFieldManager("kubectl-edit")
                                        .build(),
                                "{\"spec\":{\"replicas\":7}}");
                long alerted = alerts.get(app).get(30, TimeUnit.SECONDS);
                long healed = recoveries.get(app).get(30, TimeUnit.SECONDS);
                long watched = watchEvents.get(app).getNow(alerted);
                watchToAlert[i] = Math.max(0, alerted - watched);
                editToAlert[i] = alerted - edit;
                driftToHealed[i] = healed - edit;
            }
            print("watch event -> drift alert", watchToAlert);
            print("edit -> drift alert", editToAlert);
            print("drift -> healed (recovered)", driftToHealed);
            watcher[0].close();
            loop.close();
            reconciler.shutdownNow();
        }
    }

    private void published(PlumblineEvent event) {
        long now = System.nanoTime();
        if (event instanceof DriftDetected) {
            alerts.computeIfAbsent(event.app(), app -> new CompletableFuture<>())
                    .complete(now);
        } else if (event instanceof DriftRecovered) {
            recoveries
                    .computeIfAbsent(event.app(), app -> new CompletableFuture<>())
                    .complete(now);
        } else if (event instanceof SyncRequested) {
            ObjectNode desired = deployments.get(event.app());
            reconciler.execute(() -> apply(desired));
        }
    }

    /** The bench's own watch of the same kind, to time when the API server's event reaches a watcher. */
    private void watchDeployments() throws Exception {
        var informer = kube.genericKubernetesResources("apps/v1", "Deployment")
                .inAnyNamespace()
                .withLabel("app.kubernetes.io/managed-by", "plumbline")
                .runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<GenericKubernetesResource>() {
            @Override
            public void onAdd(GenericKubernetesResource resource) {}

            @Override
            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
                CompletableFuture<Long> waiting =
                        watchEvents.get(after.getMetadata().getName());
                if (waiting != null) {
                    waiting.complete(System.nanoTime());
                }
            }

            @Override
            public void onDelete(GenericKubernetesResource resource, boolean unknown) {}
        });
        informer.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private ManifestsRendered applyApp(String app) throws IOException {
        ObjectNode deployment = DriftFixtures.deployment(app, app, 2);
        List<ObjectNode> bodies = List.of(
                deployment,
                object(
                        "v1",
                        "Service",
                        app,
                        "{\"selector\":{\"app\":\"" + app + "\"},\"ports\":[{\"port\":80," + "\"targetPort\":8080}]}",
                        "spec"),
                object("v1", "ConfigMap", app, "{\"LOG_LEVEL\":\"info\",\"FEATURES\":\"a,b,c\"}", "data"),
                object("v1", "ServiceAccount", app, null, null));
        deployments.put(app, deployment);
        List<RenderedObject> objects = new ArrayList<>();
        for (ObjectNode body : bodies) {
            apply(body);
            objects.add(new RenderedObject(
                    ObjectIdentity.namespaced(
                            body.get("apiVersion").asText(), body.get("kind").asText(), "shop", app),
                    body,
                    "apps/" + app + ".yaml"));
        }
        return SignedEvents.byRenderer(ManifestsRendered.of(
                "corr-" + app,
                app,
                1,
                DriftFixtures.sourceDigest(app),
                "https://git.example.com/shop.git",
                "c0ffee",
                "apps",
                RendererKind.PLAIN,
                objects));
    }

    private ObjectNode object(String apiVersion, String kind, String app, String content, String field)
            throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"apiVersion":"%s","kind":"%s","metadata":{"name":"%s","namespace":"shop",
                 "labels":{"app.kubernetes.io/managed-by":"plumbline"},"annotations":{"plumbline.dev/app":"%s"}}}
                """.formatted(apiVersion, kind, app, app));
        if (content != null) {
            body.set(field, JSON.readTree(content));
        }
        return body;
    }

    private void apply(ObjectNode body) {
        kube.resource(kube.getKubernetesSerialization().convertValue(body, GenericKubernetesResource.class))
                .fieldManager("plumbline")
                .forceConflicts()
                .serverSideApply();
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(
                "%-30s over %d drifts: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what,
                sorted.length,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long secondsSince(long start) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }
}
