package dev.plumbline.reconciler.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Work per app: one app is reconciled by one worker at a time, different apps in parallel. Requests that arrive
 * while an app is being reconciled wait and are then handled together in one more run, so a burst of renders costs
 * at most two reconciles, not one per render.
 */
public final class AppQueue {

    private final Executor workers;
    private final BiConsumer<String, ReconcileRequest> work;
    private final Map<String, Slot> slots = new HashMap<>();

    /** @param work reconciles one app for the merged requests; its exceptions fail the waiting futures */
    public AppQueue(Executor workers, BiConsumer<String, ReconcileRequest> work) {
        this.workers = workers;
        this.work = work;
    }

    /** @return completes once a run that covered this request is over */
    public CompletableFuture<Void> submit(String app, ReconcileRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (slots) {
            Slot slot = slots.computeIfAbsent(app, key -> new Slot());
            slot.pending.add(request);
            slot.waiting.add(done);
            if (!slot.running) {
                slot.running = true;
                workers.execute(() -> drain(app));
            }
        }
        return done;
    }

    private void drain(String app) {
        while (true) {
            List<ReconcileRequest> batch;
            List<CompletableFuture<Void>> waiting;
            synchronized (slots) {
                Slot slot = slots.get(app);
                if (slot.pending.isEmpty()) {
                    slots.remove(app);
                    slots.notifyAll();
                    return;
                }
                batch = new ArrayList<>(slot.pending);
                waiting = new ArrayList<>(slot.waiting);
                slot.pending.clear();
                slot.waiting.clear();
            }
            try {
                work.accept(app, ReconcileRequest.merge(batch));
                waiting.forEach(future -> future.complete(null));
            } catch (RuntimeException | Error e) {
                waiting.forEach(future -> future.completeExceptionally(e));
            }
        }
    }

    /**
     * Waits until no app {@code apps} names is being reconciled or waits to be, at most {@code timeout}.
     *
     * @return whether they are all done
     */
    public boolean awaitDone(Predicate<String> apps, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (slots) {
            while (slots.keySet().stream().anyMatch(apps)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(slots, left);
            }
            return true;
        }
    }

    /** Whether any app is being reconciled or waits to be. */
    public boolean idle() {
        synchronized (slots) {
            return slots.isEmpty();
        }
    }

    private static final class Slot {
        final List<ReconcileRequest> pending = new ArrayList<>();
        final List<CompletableFuture<Void>> waiting = new ArrayList<>();
        boolean running;
    }
}
