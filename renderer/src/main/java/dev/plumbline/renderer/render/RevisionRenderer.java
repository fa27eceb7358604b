package dev.plumbline.renderer.render;

import dev.plumbline.engine.application.ApplicationCatalog;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.PlumblineEvent;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.signing.SigningKey;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.artifact.ArtifactFetcher;
import dev.plumbline.renderer.artifact.RepositoryTree;
import dev.plumbline.renderer.artifact.TarballExtractor;
import dev.plumbline.renderer.failure.RenderFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Renders Applications from one commit: downloads and verifies its artifact once, extracts it once, renders each
 * Application chosen from it (several at a time), publishes each outcome as soon as it is known, and removes the
 * scratch folder. An artifact that cannot be had fails each Application that might have needed it, alike. Every
 * outcome is signed with the renderer's key before it is published.
 *
 * <p>An outcome is published only while the spec it was made for is still the Application's source in the catalog:
 * a commit's render of a spec that changed meanwhile could otherwise end after, and replace, the render made for
 * the change, and readers would wait for a render of the current source until the next commit.
 */
public final class RevisionRenderer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RevisionRenderer.class);

    private final ArtifactFetcher fetcher;
    private final TarballExtractor extractor;
    private final RenderPipeline pipeline;
    private final ApplicationCatalog catalog;
    private final RenderMetrics metrics;
    private final LastRenders lastRenders;
    private final RenderPublisher publisher;
    private final SigningKey signingKey;
    private final Path scratchBase;
    private final ExecutorService workers;
    private final Map<String, Object> appLocks = new ConcurrentHashMap<>();

    public RevisionRenderer(
            ArtifactFetcher fetcher,
            TarballExtractor extractor,
            RenderPipeline pipeline,
            ApplicationCatalog catalog,
            RenderMetrics metrics,
            LastRenders lastRenders,
            RenderPublisher publisher,
            SigningKey signingKey,
            Path scratchBase,
            int concurrency) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.pipeline = pipeline;
        this.catalog = catalog;
        this.metrics = metrics;
        this.lastRenders = lastRenders;
        this.publisher = publisher;
        this.signingKey = signingKey;
        this.scratchBase = scratchBase;
        this.workers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "plumbline-render-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param possible the Applications that may need this commit, failed alike when its artifact cannot be had
     * @param choose   which of them to render, decided from the extracted files
     * @return the outcome of each Application rendered, by app
     */
    public Map<String, RenderOutcome> render(
            Revision revision, List<ApplicationSpec> possible, Function<RepositoryTree, List<ApplicationSpec>> choose) {
        if (possible.isEmpty()) {
            return Map.of();
        }
        try (ScratchFolder scratch = ScratchFolder.create(scratchBase)) {
            RepositoryTree tree;
            List<ApplicationSpec> chosen;
            try {
                Path tarball = fetcher.fetch(revision.artifact(), scratch.path().resolve("artifact.tar.gz"));
                tree = extractor.extract(
                        tarball, Files.createDirectories(scratch.path().resolve("tree")));
                Files.delete(tarball);
                chosen = choose.apply(tree);
            } catch (RenderFailure failure) {
                return failAll(revision, possible, failure);
            } catch (IOException | RuntimeException e) {
                return failAll(
                        revision,
                        possible,
                        new RenderFailure(
                                RenderFailureReason.INTERNAL_ERROR,
                                "cannot prepare the commit for rendering: " + e,
                                null,
                                null,
                                e));
            }
            Map<String, CompletableFuture<RenderOutcome>> running = new LinkedHashMap<>();
            for (ApplicationSpec spec : chosen) {
                Path appScratch = scratch.path().resolve("apps").resolve(spec.app());
                running.put(
                        spec.app(),
                        CompletableFuture.supplyAsync(
                                () -> renderAndPublish(revision, spec, tree, appScratch), workers));
            }
            Map<String, RenderOutcome> outcomes = new LinkedHashMap<>();
            running.forEach((app, outcome) -> outcomes.put(app, outcome.join()));
            return outcomes;
        }
    }

    /** Fails each Application alike without downloading anything: the commit itself cannot be rendered from. */
    public Map<String, RenderOutcome> refuse(Revision revision, List<ApplicationSpec> apps, RenderFailure failure) {
        return failAll(revision, apps, failure);
    }

    private RenderOutcome renderAndPublish(Revision revision, ApplicationSpec spec, RepositoryTree tree, Path scratch) {
        // one app at a time: a commit and a spec change of the same app must not publish out of order
        synchronized (appLocks.computeIfAbsent(spec.app(), app -> new Object())) {
            RenderOutcome outcome = pipeline.render(spec, tree, scratch);
            publish(revision, spec, outcome);
            return outcome;
        }
    }

    private Map<String, RenderOutcome> failAll(Revision revision, List<ApplicationSpec> apps, RenderFailure failure) {
        Map<String, RenderOutcome> outcomes = new LinkedHashMap<>();
        for (ApplicationSpec spec : apps) {
            RenderOutcome outcome = new RenderOutcome(null, null, null, failure, false);
            synchronized (appLocks.computeIfAbsent(spec.app(), app -> new Object())) {
                publish(revision, spec, outcome);
            }
            outcomes.put(spec.app(), outcome);
        }
        return outcomes;
    }

    /** Called under the app's lock, so that the spec cannot be rendered and published anew meanwhile. */
    private void publish(Revision revision, ApplicationSpec spec, RenderOutcome outcome) {
        String app = spec.app();
        if (superseded(spec)) {
            metrics.superseded();
            LOG.debugf(
                    "App %s: dropped the %s of %s at %s, made for a source that is no longer its spec",
                    app,
                    outcome.succeeded() ? "render" : "failure",
                    spec.sourceSpec().path(),
                    revision.sha());
            return;
        }
        String path = spec.sourceSpec().path();
        PlumblineEvent event;
        if (outcome.succeeded()) {
            if (alreadyPublished(spec, revision, outcome.rendered())) {
                return;
            }
            event = ManifestsRendered.of(
                            revision.correlationFor(spec),
                            app,
                            spec.generation(),
                            spec.sourceDigest(),
                            revision.repoUrl(),
                            revision.sha(),
                            path,
                            outcome.renderer(),
                            outcome.rendered().objects())
                    .signedWith(signingKey);
        } else {
            RenderFailure failure = outcome.failure();
            event = RenderFailed.of(
                            revision.correlationFor(spec),
                            app,
                            revision.repoUrl(),
                            revision.sha(),
                            path,
                            outcome.renderer(),
                            failure.reason(),
                            failure.getMessage(),
                            failure.file(),
                            failure.line(),
                            lastRenders.lastGood(app).orElse(null))
                    .signedWith(signingKey);
        }
        publisher.publish(event);
        lastRenders.accept(app, event);
    }

    /**
     * The Application changed its source, or was deleted, since this render began: the render of its current spec
     * is published (or will be) by the spec change, and a deleted app keeps its tombstone.
     */
    private boolean superseded(ApplicationSpec spec) {
        return catalog.get(spec.app())
                .map(current -> !current.sourceDigest().equals(spec.sourceDigest()))
                .orElse(true);
    }

    /**
     * The same objects at the same revision, made for the same source, are already the app's latest record: writing
     * them again adds nothing. A source change that renders the same objects is written again, or readers would
     * wait for a render of the new source forever.
     */
    private boolean alreadyPublished(ApplicationSpec spec, Revision revision, RenderedSet rendered) {
        String app = spec.app();
        return lastRenders
                .lastGood(app)
                .filter(last -> last.revision().equals(revision.sha())
                        && last.digest().equals(rendered.digest())
                        && spec.sourceDigest().equals(last.sourceDigest()))
                .filter(last -> lastRenders
                        .latestOutcome(app)
                        .map(time -> !time.isAfter(last.time()))
                        .orElse(false))
                .isPresent();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        pipeline.close();
    }
}
