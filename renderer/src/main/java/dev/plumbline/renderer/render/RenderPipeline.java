package dev.plumbline.renderer.render;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.artifact.RepositoryTree;
import dev.plumbline.renderer.failure.RenderFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders one Application from an extracted commit, as named steps: find its folder, choose its renderer, work
 * out what it reads, refuse it if that includes a refused tarball entry, look the inputs up in the cache, render,
 * assemble. Every failure of any step is handled here, in one place, and becomes a {@link RenderOutcome}: a bad
 * repository never throws out of this class. Renders run on threads of their own, at most {@code concurrency} at a
 * time. At its deadline a render is interrupted (its kustomize process or Helm worker is killed) and its slot is
 * given to the next render at once, whether or not its thread has ended yet: a render that cannot be stopped never
 * holds up the others.
 */
public final class RenderPipeline implements AutoCloseable {

    private final Map<RendererKind, Renderer> renderers = new EnumMap<>(RendererKind.class);
    private final RenderCache cache;
    private final RenderMetrics metrics;
    private final Duration timeout;
    private final Semaphore slots;
    private final ExecutorService threads;

    public RenderPipeline(
            List<Renderer> renderers, RenderCache cache, RenderMetrics metrics, Duration timeout, int concurrency) {
        renderers.forEach(renderer -> this.renderers.put(renderer.kind(), renderer));
        this.cache = cache;
        this.metrics = metrics;
        this.timeout = timeout;
        this.slots = new Semaphore(concurrency, true);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "plumbline-render-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What the Application reads at this revision, without rendering it: for deciding whether a commit affects it. */
    public InputSet inputs(ApplicationSpec spec, RepositoryTree tree) {
        Path appDir = locate(spec, tree);
        RendererKind kind = RendererChoice.choose(spec.sourceSpec().renderer(), appDir);
        return renderers.get(kind).inputs(new RenderRequest(spec, tree, appDir, tree.root()));
    }

    /**
     * Renders within the time limit, waiting for a free slot first.
     *
     * @param scratch a folder for this render alone; it need not exist
     */
    public RenderOutcome render(ApplicationSpec spec, RepositoryTree tree, Path scratch) {
        long started = System.nanoTime();
        RenderOutcome outcome = limited(spec, tree, scratch);
        metrics.rendered(outcome.renderer(), outcome.succeeded(), Duration.ofNanos(System.nanoTime() - started));
        if (!outcome.succeeded()) {
            metrics.failed(outcome.failure().reason());
        }
        return outcome;
    }

    private RenderOutcome limited(ApplicationSpec spec, RepositoryTree tree, Path scratch) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(
                    null, null, new RenderFailure(RenderFailureReason.INTERNAL_ERROR, "the renderer is stopping"));
        }
        AtomicBoolean slotHeld = new AtomicBoolean(true);
        Runnable releaseSlot = () -> {
            if (slotHeld.compareAndSet(true, false)) {
                slots.release();
            }
        };
        Future<RenderOutcome> running;
        try {
            running = threads.submit(() -> {
                try {
                    return steps(spec, tree, scratch);
                } finally {
                    releaseSlot.run();
                }
            });
        } catch (RuntimeException rejected) {
            releaseSlot.run();
            return failed(
                    null, null, new RenderFailure(RenderFailureReason.INTERNAL_ERROR, "the renderer is stopping"));
        }
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            releaseSlot.run();
            return failed(
                    quietChoice(spec, tree),
                    null,
                    new RenderFailure(
                            RenderFailureReason.TIMEOUT,
                            "the render of " + displayPath(spec) + " for Application " + spec.app()
                                    + " took longer than " + timeout.toSeconds()
                                    + " s (plumbline.render.timeout) and was stopped; make it smaller or raise the "
                                    + "limit"));
        } catch (InterruptedException e) {
            running.cancel(true);
            releaseSlot.run();
            Thread.currentThread().interrupt();
            return failed(
                    null, null, new RenderFailure(RenderFailureReason.INTERNAL_ERROR, "the renderer is stopping"));
        } catch (ExecutionException e) {
            return failed(
                    null,
                    null,
                    new RenderFailure(
                            RenderFailureReason.INTERNAL_ERROR,
                            "the renderer failed: " + e.getCause(),
                            null,
                            null,
                            e.getCause()));
        }
    }

    private RenderOutcome steps(ApplicationSpec spec, RepositoryTree tree, Path scratch) {
        RendererKind kind = null;
        InputSet inputs = null;
        try {
            Path appDir = locate(spec, tree);
            kind = RendererChoice.choose(spec.sourceSpec().renderer(), appDir);
            Renderer renderer = renderers.get(kind);
            RenderRequest request = new RenderRequest(spec, tree, appDir, Files.createDirectories(scratch));
            inputs = renderer.inputs(request);
            tree.checkNoRefusedEntryUnder(inputs.paths());
            String key = InputDigest.of(kind, spec, inputs, tree.root());
            Optional<RenderedSet> cached = cache.get(key);
            metrics.cache(cached.isPresent());
            if (cached.isPresent()) {
                return new RenderOutcome(kind, inputs, cached.get(), null, true);
            }
            List<SourceObject> produced = renderer.render(request);
            RenderedSet rendered =
                    ObjectSetAssembler.assemble(spec.app(), spec.destination().namespace(), kind, produced);
            cache.put(key, rendered);
            return new RenderOutcome(kind, inputs, rendered, null, false);
        } catch (RenderFailure failure) {
            return failed(kind, inputs, failure);
        } catch (IOException | RuntimeException e) {
            return failed(
                    kind,
                    inputs,
                    new RenderFailure(
                            RenderFailureReason.INTERNAL_ERROR,
                            "the renderer failed on " + displayPath(spec) + ": " + e,
                            null,
                            null,
                            e));
        }
    }

    /** The Application's folder, which must exist and stay inside the repository. */
    private static Path locate(ApplicationSpec spec, RepositoryTree tree) {
        Path appDir = tree.resolve(spec.sourceSpec().path());
        if (!Files.isDirectory(appDir)) {
            throw new RenderFailure(
                    RenderFailureReason.PATH_NOT_FOUND,
                    "the Application's path " + displayPath(spec)
                            + " is not a folder of the repository at this revision");
        }
        return appDir;
    }

    private RendererKind quietChoice(ApplicationSpec spec, RepositoryTree tree) {
        try {
            return RendererChoice.choose(spec.sourceSpec().renderer(), locate(spec, tree));
        } catch (RenderFailure e) {
            return null;
        }
    }

    private static String displayPath(ApplicationSpec spec) {
        String path = spec.sourceSpec().path();
        return path.isEmpty() ? "the repository root" : path;
    }

    private static RenderOutcome failed(RendererKind kind, InputSet inputs, RenderFailure failure) {
        return new RenderOutcome(kind, inputs, null, failure, false);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        renderers.values().forEach(Renderer::close);
    }
}
