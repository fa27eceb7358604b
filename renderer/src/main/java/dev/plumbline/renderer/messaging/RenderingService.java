package dev.plumbline.renderer.messaging;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.renderer.artifact.ArtifactFetcher;
import dev.plumbline.renderer.artifact.TarballExtractor;
import dev.plumbline.renderer.config.RendererConfig;
import dev.plumbline.renderer.render.LastRenders;
import dev.plumbline.renderer.render.RenderCache;
import dev.plumbline.renderer.render.RenderCoordinator;
import dev.plumbline.renderer.render.RenderMetrics;
import dev.plumbline.renderer.render.RenderOutcome;
import dev.plumbline.renderer.render.RenderPipeline;
import dev.plumbline.renderer.render.RenderSizeCap;
import dev.plumbline.renderer.render.RevisionIndex;
import dev.plumbline.renderer.render.RevisionRenderer;
import dev.plumbline.renderer.render.ScratchFolder;
import dev.plumbline.renderer.render.helm.HelmRenderer;
import dev.plumbline.renderer.render.helm.HelmWorkerPool;
import dev.plumbline.renderer.render.helm.WorkerLaunch;
import dev.plumbline.renderer.render.kustomize.KustomizeCommand;
import dev.plumbline.renderer.render.kustomize.KustomizeRenderer;
import dev.plumbline.renderer.render.plain.PlainRenderer;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import dev.plumbline.servicekit.signing.ServiceKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts the plain rendering classes together from the configuration and is the one door the channels go through.
 * Nothing renders before the service's own topic has been read at start-up (or the wait for it ran out). The
 * renderer's signing key and the git-watcher's public keys are read when the service starts, so a missing one stops
 * it at once with the setting to fix.
 */
@ApplicationScoped
@Startup
public class RenderingService {

    private static final Logger LOG = Logger.getLogger(RenderingService.class);

    @Inject
    RendererConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    ApplicationsListener applications;

    @Inject
    RenderedManifestsPublisher publisher;

    @Inject
    ServiceKeys keys;

    private LastRenders lastRenders;
    private RevisionIndex revisions;
    private RevisionRenderer renderer;
    private RenderCoordinator coordinator;

    @PostConstruct
    void start() {
        SigningKey signingKey = keys.signingKey();
        lastRenders = new LastRenders(signingKey);
        revisions = new RevisionIndex(keys.trustedKeys(PlumblineService.GIT_WATCHER));
        RendererConfig.Render render = config.render();
        Path scratch = Path.of(render.scratchDir());
        ScratchFolder.removeLeftovers(scratch);
        KustomizeCommand kustomize = new KustomizeCommand(
                render.kustomize().commands(),
                render.kustomize().path().orElse(System.getenv("PATH")),
                render.maxBytes());
        RenderMetrics metrics = new RenderMetrics(registry);
        RenderPipeline pipeline = new RenderPipeline(
                List.of(
                        new PlainRenderer(render.maxBytes()),
                        new KustomizeRenderer(kustomize),
                        new RenderSizeCap(
                                new HelmRenderer(new HelmWorkerPool(
                                        new WorkerLaunch(
                                                render.helm().workerHeap().asLongValue(),
                                                render.helm().workerMemory().asLongValue(),
                                                render.maxBytes()),
                                        render.concurrency(),
                                        scratch.resolve("helm-workers"))),
                                render.maxBytes())),
                new RenderCache(config.cache().maxEntries(), render.cacheMaxBytes()),
                metrics,
                render.timeout(),
                render.concurrency());
        renderer = new RevisionRenderer(
                new ArtifactFetcher(
                        config.artifact().timeout(), config.artifact().maxBytes()),
                new TarballExtractor(config.artifact().maxExtractedBytes()),
                pipeline,
                applications.catalog(),
                metrics,
                lastRenders,
                publisher,
                signingKey,
                scratch,
                render.concurrency());
        coordinator =
                new RenderCoordinator(applications.catalog(), revisions, lastRenders, pipeline, renderer, publisher);
        if (kustomize.command().isEmpty()) {
            LOG.warnf(
                    "no kustomize found (tried %s): Kustomize Applications will fail with tool-missing",
                    render.kustomize().commands());
        }
    }

    @PreDestroy
    void stop() {
        renderer.close();
    }

    public Map<String, RenderOutcome> onCommit(CommitDetected commit) {
        awaitHistoryUninterruptibly();
        Map<String, RenderOutcome> outcomes = coordinator.onCommit(commit);
        LOG.debugf(
                "commit %s of %s %s: rendered %s", commit.after(), commit.repoUrl(), commit.ref(), outcomes.keySet());
        return outcomes;
    }

    public Map<String, RenderOutcome> onApplications(Collection<ApplicationSpec> specs) {
        return coordinator.onApplications(specs);
    }

    public List<ApplicationSpec> waitingApplications() {
        return coordinator.waitingApplications();
    }

    public void onApplicationDeleted(String app) {
        coordinator.onApplicationDeleted(app);
    }

    public LastRenders lastRenders() {
        return lastRenders;
    }

    public RevisionIndex revisions() {
        return revisions;
    }

    /** Waits until the last good render of every app is known, or the configured wait ran out. */
    public void awaitHistory() throws InterruptedException {
        long timeout = config.render().historyTimeout().toMillis();
        if (!lastRenders.awaitLoaded(timeout, TimeUnit.MILLISECONDS)) {
            LOG.warnf(
                    "plumbline.rendered-manifests was not read to its end within %d ms: rendering anyway; "
                            + "a failure may carry no last good render",
                    timeout);
            lastRenders.markLoaded();
        }
    }

    private void awaitHistoryUninterruptibly() {
        try {
            awaitHistory();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopping before renders could start", e);
        }
    }
}
