package dev.plumbline.driftauditor.drift;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The one thread that runs the drift rules. Watches, Kafka listeners, timers and HTTP requests hand it work, so the
 * rules' state needs no locks and one app's inputs are taken in the order they came. A failing task is logged and
 * the loop goes on: one bad object must not stop detection for every app.
 */
public final class DriftLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DriftLoop.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "plumbline-drift-loop");
        thread.setDaemon(true);
        return thread;
    });

    /** Hands the loop a task; once the loop is closed (the service is stopping) there is nothing left to do it for. */
    public void submit(Runnable task) {
        try {
            executor.execute(() -> run(task));
        } catch (RejectedExecutionException closed) {
            LOG.debug("the drift loop is closed; a task handed to it at shutdown is not run");
        }
    }

    public void every(Duration period, Runnable task) {
        executor.scheduleWithFixedDelay(() -> run(task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a question on the loop and waits for its answer, so a reader sees the rules' state between two tasks. */
    public <T> T ask(Callable<T> question, Duration timeout) {
        Future<T> answer = executor.submit(question);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the drift loop", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new IllegalStateException("the drift loop did not answer within " + timeout, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "drift rules failed on one input; going on with the next: %s", e.getMessage());
        }
    }
}
