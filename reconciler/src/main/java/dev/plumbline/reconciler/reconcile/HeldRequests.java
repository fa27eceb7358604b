package dev.plumbline.reconciler.reconcile;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Reconciles asked for apps whose partition this instance is still reading back. Run before it has read the
 * partition up to where it stood at assignment, a reconcile would apply whatever older render it had met so far; held
 * here, they run once it has, from each app's newest render. A sync request waits too (its future completes when the
 * reconcile it joined ends), so it is neither lost nor run on an old render.
 */
final class HeldRequests {

    /** The requests held for one app, merged as they come (a partition's whole history may be read back). */
    private static final class Held {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private ReconcileRequest merged;
    }

    private final Map<String, Held> held = new HashMap<>();

    synchronized CompletableFuture<Void> hold(String app, ReconcileRequest request) {
        Held waiting = held.computeIfAbsent(app, name -> new Held());
        waiting.merged = waiting.merged == null ? request : ReconcileRequest.merge(List.of(waiting.merged, request));
        return waiting.done;
    }

    /** Submits, as one merged request each, the requests of the apps {@code ready} accepts. */
    void release(Predicate<String> ready, BiFunction<String, ReconcileRequest, CompletableFuture<Void>> submit) {
        Map<String, Held> released = new HashMap<>();
        synchronized (this) {
            for (Iterator<Map.Entry<String, Held>> apps = held.entrySet().iterator(); apps.hasNext(); ) {
                Map.Entry<String, Held> app = apps.next();
                if (ready.test(app.getKey())) {
                    released.put(app.getKey(), app.getValue());
                    apps.remove();
                }
            }
        }
        released.forEach((app, waiting) -> submit.apply(app, waiting.merged).whenComplete((ignored, failure) -> {
            if (failure == null) {
                waiting.done.complete(null);
            } else {
                waiting.done.completeExceptionally(failure);
            }
        }));
    }
}
