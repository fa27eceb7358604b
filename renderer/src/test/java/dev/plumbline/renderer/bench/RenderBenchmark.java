package dev.plumbline.renderer.bench;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.renderer.artifact.RepositoryTree;
import dev.plumbline.renderer.render.RenderCache;
import dev.plumbline.renderer.render.RenderMetrics;
import dev.plumbline.renderer.render.RenderOutcome;
import dev.plumbline.renderer.render.RenderPipeline;
import dev.plumbline.renderer.render.helm.HelmRenderer;
import dev.plumbline.renderer.render.helm.HelmWorkerPool;
import dev.plumbline.renderer.render.kustomize.KustomizeCommand;
import dev.plumbline.renderer.render.kustomize.KustomizeRenderer;
import dev.plumbline.renderer.render.plain.PlainRenderer;
import dev.plumbline.renderer.testing.RenderHarness;
import dev.plumbline.renderer.testing.Tarballs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long renders take, printed for people: plain manifests (25 objects), a Kustomize overlay of 25 objects as
 * a ratio to running {@code kubectl kustomize} on the same folder, a Helm chart once warm, and 1,000 small
 * Applications changed by one commit. The cache is off for the single renders so that each one really renders.
 * Run: {@code ./mvnw -B -Pbench -pl renderer -am verify -DskipTests}.
 */
public final class RenderBenchmark {

    private static final int OBJECTS = 25;
    private static final int APPS = 1_000;

    private RenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("plumbline-bench");
        Path root = Files.createDirectories(work.resolve("repo"));
        writePlain(root.resolve("plain"));
        writeKustomize(root.resolve("kustomize"));
        copy(Tarballs.resource("testdata/repo/helm"), root.resolve("helm"));
        copy(Tarballs.resource("testdata/repo/environments"), root.resolve("environments"));
        RepositoryTree tree = new RepositoryTree(root, List.of());
        KustomizeCommand kustomize = new KustomizeCommand(RenderHarness.DEFAULT_KUSTOMIZE, System.getenv("PATH"));
        try (RenderPipeline pipeline = new RenderPipeline(
                List.of(
                        new PlainRenderer(Long.MAX_VALUE),
                        new KustomizeRenderer(kustomize),
                        new HelmRenderer(
                                new HelmWorkerPool(RenderHarness.DEFAULT_HELM, 1, work.resolve("helm-workers")))),
                new RenderCache(0, 0),
                new RenderMetrics(new SimpleMeterRegistry()),
                Duration.ofSeconds(90),
                1)) {
            System.out.println("Plumbline renderer benchmark ("
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ")");
            double plain = median(200, 50, render(pipeline, tree, RenderHarness.app("plain", "plain"), work));
            report("plain, 25 objects", plain, "");
            if (kustomize.command().isPresent()) {
                double overlay =
                        median(20, 3, render(pipeline, tree, RenderHarness.app("overlay", "kustomize/overlay"), work));
                double direct =
                        median(20, 3, () -> runDirectly(kustomize.command().get(), root.resolve("kustomize/overlay")));
                report(
                        "kustomize overlay, 25 objects",
                        overlay,
                        String.format(
                                Locale.ROOT,
                                "  (%s directly: %.1f ms, ratio %.2f)",
                                String.join(" ", kustomize.command().get()),
                                direct,
                                overlay / direct));
            } else {
                System.out.println("kustomize overlay: SKIPPED, neither kustomize nor kubectl is on PATH");
            }
            double helm = median(
                    100,
                    20,
                    render(
                            pipeline,
                            tree,
                            RenderHarness.helmApp(
                                    "web",
                                    "helm/web",
                                    new HelmOptions(null, List.of("values-prod.yaml"), null, List.of())),
                            work));
            report("helm chart (web: 4 objects, a sub-chart), warm", helm, "");
        }
        thousandApps(work.resolve("thousand"));
    }

    /** 1,000 Applications of one repository, all rendered once, then all changed by one commit. */
    private static void thousandApps(Path scratch) {
        try (RenderHarness harness = new RenderHarness(scratch)) {
            List<ApplicationSpec> apps = new ArrayList<>();
            Tarballs before = new Tarballs();
            Tarballs after = new Tarballs();
            List<String> changed = new ArrayList<>();
            for (int n = 0; n < APPS; n++) {
                ApplicationSpec app =
                        RenderHarness.app(String.format("app-%04d", n), String.format("apps/app-%04d", n));
                apps.add(app);
                String file = app.sourceSpec().path() + "/manifests.yaml";
                before.file(file, smallApp(app.app(), "1.0.0"));
                after.file(file, smallApp(app.app(), "1.0.1"));
                changed.add(file);
            }
            harness.know(apps.toArray(ApplicationSpec[]::new));
            harness.coordinator.onCommit(harness.commit(RefUpdateKind.INITIAL, before.bytes()));
            byte[] tarball = after.bytes();
            long started = System.nanoTime();
            int rendered = harness.coordinator
                    .onCommit(harness.commit(RefUpdateKind.FAST_FORWARD, tarball, changed.toArray(String[]::new)))
                    .size();
            double millis = (System.nanoTime() - started) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "%-50s %9.1f ms  (%d rendered and published, %.2f ms each, " + "artifact %d KiB)%n",
                    "1,000 small Applications changed by one commit",
                    millis,
                    rendered,
                    millis / rendered,
                    tarball.length / 1024);
        }
    }

    private static Runnable render(RenderPipeline pipeline, RepositoryTree tree, ApplicationSpec app, Path work) {
        Path scratch = work.resolve("scratch-" + app.app());
        return () -> {
            RenderOutcome outcome = pipeline.render(app, tree, scratch);
            if (!outcome.succeeded()) {
                throw new IllegalStateException(
                        app.app() + ": " + outcome.failure().getMessage());
            }
        };
    }

    private static void runDirectly(List<String> command, Path folder) {
        List<String> full = new ArrayList<>(command);
        full.add(folder.toString());
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(full + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The median of {@code runs} timed runs, in milliseconds, after {@code warmUp} untimed ones. */
    private static double median(int runs, int warmUp, Runnable task) {
        for (int n = 0; n < warmUp; n++) {
            task.run();
        }
        double[] millis = new double[runs];
        for (int n = 0; n < runs; n++) {
            long started = System.nanoTime();
            task.run();
            millis[n] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

    private static void report(String what, double millis, String more) {
        System.out.printf(Locale.ROOT, "%-50s %9.2f ms per render (median)%s%n", what, millis, more);
    }

    private static void writePlain(Path folder) throws IOException {
        for (int file = 0; file < 5; file++) {
            StringBuilder text = new StringBuilder();
            for (int doc = 0; doc < OBJECTS / 5; doc++) {
                text.append(smallObject("plain-" + file + "-" + doc)).append("---\n");
            }
            Files.createDirectories(folder.resolve("part-" + file));
            Files.writeString(folder.resolve("part-" + file).resolve("objects.yaml"), text);
        }
    }

    private static void writeKustomize(Path folder) throws IOException {
        Path base = Files.createDirectories(folder.resolve("base"));
        StringBuilder resources = new StringBuilder("resources:\n");
        for (int n = 0; n < OBJECTS; n++) {
            Files.writeString(base.resolve("object-" + n + ".yaml"), smallObject("object-" + n));
            resources.append("  - object-").append(n).append(".yaml\n");
        }
        Files.writeString(base.resolve("kustomization.yaml"), resources);
        Path overlay = Files.createDirectories(folder.resolve("overlay"));
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                resources:
                  - ../base
                namespace: bench
                namePrefix: prod-
                labels:
                  - pairs: {tier: web}
                images:
                  - name: registry.example.com/web
                    newTag: 2.0.0
                """);
    }

    private static String smallObject(String name) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\nspec:\n  replicas: 2\n"
                + "  selector:\n    matchLabels: {app: " + name + "}\n  template:\n    metadata:\n"
                + "      labels: {app: " + name + "}\n    spec:\n      containers:\n        - name: web\n"
                + "          image: registry.example.com/web:1.0.0\n";
    }

    private static String smallApp(String name, String version) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  version: \"" + version
                + "\"\n---\n" + smallObject(name).replace("1.0.0", version);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
