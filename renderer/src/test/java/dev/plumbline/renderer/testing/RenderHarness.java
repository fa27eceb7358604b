package dev.plumbline.renderer.testing;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.application.KustomizeOptions;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.git.Artifact;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestProjects;
import dev.plumbline.events.testing.TestSigningKeys;
import dev.plumbline.events.vocabulary.RefUpdateKind;
import dev.plumbline.renderer.artifact.ArtifactFetcher;
import dev.plumbline.renderer.artifact.TarballExtractor;
import dev.plumbline.renderer.render.LastRenders;
import dev.plumbline.renderer.render.RenderCache;
import dev.plumbline.renderer.render.RenderCoordinator;
import dev.plumbline.renderer.render.RenderMetrics;
import dev.plumbline.renderer.render.RenderPipeline;
import dev.plumbline.renderer.render.RenderSizeCap;
import dev.plumbline.renderer.render.RevisionIndex;
import dev.plumbline.renderer.render.RevisionRenderer;
import dev.plumbline.renderer.render.helm.HelmRenderer;
import dev.plumbline.renderer.render.helm.HelmTemplating;
import dev.plumbline.renderer.render.helm.HelmWorkerPool;
import dev.plumbline.renderer.render.helm.TemplateJob;
import dev.plumbline.renderer.render.helm.WorkerLaunch;
import dev.plumbline.renderer.render.kustomize.KustomizeCommand;
import dev.plumbline.renderer.render.kustomize.KustomizeRenderer;
import dev.plumbline.renderer.render.plain.PlainRenderer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The renderer's plain classes wired as the service wires them, without Quarkus or Kafka: Applications go into
 * a catalog, commits are served by a real HTTP {@link ArtifactServer}, outcomes land in a {@link RecordingPublisher}.
 */
public final class RenderHarness implements AutoCloseable {

    public static final String REPO = "https://git.example.com/platform/deploy.git";
    public static final List<String> DEFAULT_KUSTOMIZE = List.of("kustomize build", "kubectl kustomize");
    /** The renderer's default Helm workers: a 256 MiB heap, 768 MiB of memory in all; outputs up to 1 GiB. */
    public static final WorkerLaunch DEFAULT_HELM = new WorkerLaunch(256L << 20, 768L << 20, 1L << 30);

    private static HelmWorkerPool sharedWorkers;

    public final ApplicationCatalog catalog = new ApplicationCatalog();
    public final RecordingPublisher publisher = new RecordingPublisher();
    public final ArtifactServer server = new ArtifactServer();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final LastRenders lastRenders = new LastRenders(TestSigningKeys.signingKey("renderer"));
    public final RevisionIndex revisions = new RevisionIndex(TestSigningKeys.trustedKeys("git-watcher"));
    public final RenderCache cache;
    public final RenderCoordinator coordinator;
    private final RevisionRenderer renderer;
    private final AtomicInteger commits = new AtomicInteger();

    public RenderHarness(Path scratch) {
        this(scratch, DEFAULT_KUSTOMIZE, Duration.ofSeconds(90), 64);
    }

    public RenderHarness(Path scratch, List<String> kustomizeCommands, Duration timeout, int cacheEntries) {
        this(scratch, kustomizeCommands, timeout, cacheEntries, 2, DEFAULT_HELM, 1L << 30);
    }

    /** @param maxRenderBytes the largest render one Application may produce */
    public RenderHarness(
            Path scratch, List<String> kustomizeCommands, Duration timeout, int cacheEntries, long maxRenderBytes) {
        this(scratch, kustomizeCommands, timeout, cacheEntries, 2, DEFAULT_HELM, maxRenderBytes);
    }

    /** A harness rendering at most {@code concurrency} Applications at a time, with the cache off. */
    public RenderHarness(Path scratch, Duration timeout, int concurrency, WorkerLaunch helm) {
        this(scratch, DEFAULT_KUSTOMIZE, timeout, 0, concurrency, helm, 1L << 30);
    }

    private RenderHarness(
            Path scratch,
            List<String> kustomizeCommands,
            Duration timeout,
            int cacheEntries,
            int concurrency,
            WorkerLaunch helm,
            long maxRenderBytes) {
        cache = new RenderCache(cacheEntries, Long.MAX_VALUE);
        RenderMetrics metrics = new RenderMetrics(meters);
        RenderPipeline pipeline = new RenderPipeline(
                List.of(
                        new PlainRenderer(maxRenderBytes),
                        new KustomizeRenderer(
                                new KustomizeCommand(kustomizeCommands, System.getenv("PATH"), maxRenderBytes)),
                        new RenderSizeCap(new HelmRenderer(workers(helm, concurrency, scratch)), maxRenderBytes)),
                cache,
                metrics,
                timeout,
                concurrency);
        renderer = new RevisionRenderer(
                new ArtifactFetcher(Duration.ofSeconds(30), 1L << 30),
                new TarballExtractor(1L << 31),
                pipeline,
                catalog,
                metrics,
                lastRenders,
                publisher,
                TestSigningKeys.signingKey("renderer"),
                scratch,
                concurrency);
        coordinator = new RenderCoordinator(catalog, revisions, lastRenders, pipeline, renderer, publisher);
        lastRenders.markLoaded();
    }

    /**
     * Helm workers for a harness. Those of the default launch are shared by every harness of the test JVM and never
     * closed by one (they end with the JVM), since starting a worker takes about 2 s; a harness with workers of its
     * own size gets a pool of its own.
     */
    private static HelmTemplating workers(WorkerLaunch helm, int concurrency, Path scratch) {
        if (helm != DEFAULT_HELM) {
            return new HelmWorkerPool(helm, concurrency, scratch.resolve("helm-workers"));
        }
        HelmWorkerPool shared = sharedWorkers();
        return new HelmTemplating() {
            @Override
            public String template(TemplateJob job) {
                return shared.template(job);
            }

            @Override
            public void close() {}
        };
    }

    private static synchronized HelmWorkerPool sharedWorkers() {
        if (sharedWorkers == null) {
            try {
                sharedWorkers =
                        new HelmWorkerPool(DEFAULT_HELM, 2, Files.createTempDirectory("plumbline-test-helm-workers"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedWorkers;
    }

    /** Adds Applications to the catalog, as the applications topic would, without rendering them. */
    public void know(ApplicationSpec... specs) {
        for (ApplicationSpec spec : specs) {
            catalog.accept(spec.app(), spec);
        }
    }

    /** A commit event for a tarball served by the harness's server, signed as the git-watcher signs it. */
    public CommitDetected commit(RefUpdateKind update, byte[] tarball, String... changedPaths) {
        return commit(update, server.serve("c" + commits.incrementAndGet(), tarball), changedPaths);
    }

    public CommitDetected commit(RefUpdateKind update, Artifact artifact, String... changedPaths) {
        String sha = Tarballs.sha256(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 40);
        return SignedEvents.byGitWatcher(CommitDetected.of(
                UUID.randomUUID().toString(),
                REPO,
                "refs/heads/main",
                update == RefUpdateKind.INITIAL ? null : String.format("%040x", 0),
                sha,
                update,
                List.of(),
                List.of(changedPaths),
                FetchCause.poll(),
                artifact));
    }

    public static ApplicationSpec app(String name, String path) {
        return app(name, new SourceSpec(REPO, "main", path, null, null, null, null));
    }

    public static ApplicationSpec helmApp(String name, String path, HelmOptions helm) {
        return app(name, new SourceSpec(REPO, "main", path, null, helm, null, null));
    }

    public static ApplicationSpec kustomizeApp(String name, String path, KustomizeOptions kustomize) {
        return app(name, new SourceSpec(REPO, "main", path, null, null, kustomize, null));
    }

    public static ApplicationSpec app(String name, SourceSpec source) {
        return ApplicationSpec.of(
                        name, "plumbline", 1, source, Destination.of("dest"), null, null, null, null, null, null)
                .withProject(TestProjects.allowingEverything());
    }

    public double counter(String name, String tag, String value) {
        var counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        renderer.close();
        server.close();
    }
}
