package dev.plumbline.cli.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Asks the live system the same question on a schedule until it gives an answer, or the time is up. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    private Poll() {}

    /** The first answer {@code check} gives within {@code timeout}; empty when it gave none. */
    public static <T> Optional<T> until(Duration timeout, Supplier<Optional<T>> check) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plumb-poll");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<T> answer = new CompletableFuture<>();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        check.get().ifPresent(answer::complete);
                    } catch (RuntimeException failure) {
                        // a service restarting or the API server busy: the question is asked again at the next tick
                    }
                },
                0,
                INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return Optional.of(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            scheduler.shutdownNow();
        }
    }
}
