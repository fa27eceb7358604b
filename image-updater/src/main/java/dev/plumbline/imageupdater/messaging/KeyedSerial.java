package dev.plumbline.imageupdater.messaging;

import dev.plumbline.imageupdater.promote.ImageKey;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs work on a bounded pool, one piece at a time per image of an app: two pushes of one promotion branch never
 * race, while other images go on in parallel.
 */
final class KeyedSerial {

    private final Executor pool;
    private final Map<ImageKey, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    KeyedSerial(Executor pool) {
        this.pool = pool;
    }

    /** Runs {@code work} after every piece of work for {@code key} submitted before it, whatever they came to. */
    <T> CompletableFuture<T> submit(ImageKey key, Supplier<T> work) {
        CompletableFuture<T> next = new CompletableFuture<>();
        tails.compute(key, (k, previous) -> {
            CompletableFuture<?> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
            before.handle((ignored, failure) -> null)
                    .thenRunAsync(
                            () -> {
                                try {
                                    next.complete(work.get());
                                } catch (RuntimeException failed) {
                                    next.completeExceptionally(failed);
                                }
                            },
                            pool);
            return next;
        });
        return next;
    }
}
