package dev.plumbline.renderer.render.helm;

import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.failure.RenderFailure;
import dev.plumbline.renderer.render.RenderSizeCap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs {@code helm template} in worker processes ({@link HelmWorkerMain}), one chart per worker at a time, so that a
 * chart that never ends can be stopped and one that eats memory takes only its worker down. Workers start when
 * first needed and are kept warm for the next chart, up to {@code warm} of them. A render interrupted at its
 * deadline kills its worker (and anything the worker started) at once; a worker that dies fails its render with
 * {@link HelmWorkerDied}. A watchdog reads each worker's resident memory every {@value #MEMORY_POLL_MILLIS} ms and
 * kills a worker past the limit: Go's memory is native, out of reach of the worker's {@code -Xmx}.
 */
public final class HelmWorkerPool implements HelmTemplating {

    private static final Logger LOG = Logger.getLogger(HelmWorkerPool.class);
    private static final long MEMORY_POLL_MILLIS = 100;
    private static final long MIB = 1024 * 1024;

    private final WorkerLaunch launch;
    private final int warm;
    private final Path homes;
    private final Deque<HelmWorker> idle = new ArrayDeque<>();
    private final Set<HelmWorker> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;
    private boolean closed;

    /**
     * @param warm  how many idle workers are kept for the next charts
     * @param homes the folder under which each worker gets a folder of its own, removed when it ends
     */
    public HelmWorkerPool(WorkerLaunch launch, int warm, Path homes) {
        this.launch = launch;
        this.warm = warm;
        this.homes = homes;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "plumbline-helm-memory-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            watchdog.scheduleWithFixedDelay(
                    this::killWorkersOverTheMemoryLimit, MEMORY_POLL_MILLIS, MEMORY_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            LOG.warn("this system has no /proc to read a process's memory from: plumbline.render.helm.worker-memory "
                    + "is not enforced, and only plumbline.render.helm.worker-heap bounds a Helm worker");
        }
    }

    @Override
    public String template(TemplateJob job) {
        HelmWorker worker = borrow();
        boolean answered = false;
        try {
            WorkerReply reply = worker.template(job);
            answered = true;
            if (reply.error() != null) {
                throw new HelmError(reply.error());
            }
            if (reply.tooLargeBytes() != null) {
                throw RenderSizeCap.tooLarge(
                        "the output Helm printed for " + job.chart() + " comes to " + reply.tooLargeBytes()
                                + " bytes, measured in its worker",
                        launch.maxOutputBytes());
            }
            return reply.output();
        } catch (InterruptedException e) {
            worker.kill("was stopped at the render's deadline");
            Thread.currentThread().interrupt();
            throw new RenderFailure(
                    RenderFailureReason.TIMEOUT,
                    "the Helm worker templating " + job.chart() + " was stopped at the render's deadline");
        } finally {
            if (answered) {
                giveBack(worker);
            } else {
                worker.kill("was stopped after its render failed");
                live.remove(worker);
            }
        }
    }

    private HelmWorker borrow() {
        synchronized (this) {
            if (closed) {
                throw new RenderFailure(RenderFailureReason.INTERNAL_ERROR, "the renderer is stopping");
            }
            for (HelmWorker worker = idle.pollFirst(); worker != null; worker = idle.pollFirst()) {
                if (worker.isAlive()) {
                    return worker;
                }
                live.remove(worker);
            }
        }
        try {
            HelmWorker worker = HelmWorker.start(launch, homes);
            live.add(worker);
            return worker;
        } catch (IOException | RuntimeException e) {
            throw new RenderFailure(
                    RenderFailureReason.INTERNAL_ERROR,
                    "the renderer could not start a Helm worker process (" + e.getMessage()
                            + "); check that the renderer's Java installation is complete and its scratch folder "
                            + homes + " is writable",
                    null,
                    null,
                    e);
        }
    }

    private void giveBack(HelmWorker worker) {
        synchronized (this) {
            if (!closed && idle.size() < warm && worker.isAlive()) {
                idle.addFirst(worker);
                return;
            }
        }
        worker.kill("was no longer needed");
        live.remove(worker);
    }

    private void killWorkersOverTheMemoryLimit() {
        long limit = launch.memoryBytes();
        for (HelmWorker worker : live) {
            long resident = worker.residentBytes();
            if (resident > limit) {
                String because = "used " + resident / MIB + " MiB, more than plumbline.render.helm.worker-memory ("
                        + limit / MIB + " MiB), and was killed: a template that builds ever larger strings or lists "
                        + "never finishes; fix the chart, or raise the setting if the chart really needs that much";
                LOG.warnf("Helm worker %d %s", worker.pid(), because);
                worker.kill(because);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            idle.clear();
        }
        watchdog.shutdownNow();
        live.forEach(worker -> worker.kill("was stopped: the renderer is stopping"));
        live.clear();
    }
}
