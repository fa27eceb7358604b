package dev.plumbline.sandbox.kube;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The requests a hang holds, as a kube-apiserver waiting on a stalled etcd holds them: each is served once the
 * hang ends, unless it has waited the request timeout by then (kube-apiserver's {@code --request-timeout}, 60 s by
 * default), when it is answered 504 with a {@code Timeout} Status, or its client went away meanwhile, when it is
 * dropped unserved (its context cancelled). Nothing blocks: a held request is paused and a timer looks at it
 * again, so other connections and {@code /sandbox/} go on being answered.
 */
final class HeldRequests {

    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private record Held(HttpServerRequest request, Context context, Runnable serve, long arrivedNanos) {}

    private final Vertx vertx;
    private final FaultSwitch faults;
    private final long requestTimeoutNanos;
    private final Set<Held> held = ConcurrentHashMap.newKeySet();

    HeldRequests(Vertx vertx, FaultSwitch faults, Duration requestTimeout) {
        this.vertx = vertx;
        this.faults = faults;
        this.requestTimeoutNanos = requestTimeout.toNanos();
        faults.onHangCut(this::releaseAll);
    }

    /**
     * Holds the request if a hang is in force, to {@code serve} it once the hang ends; answers whether it did.
     * Called on the request's event loop, as the request arrives.
     */
    boolean holdIfHanging(HttpServerRequest request, Runnable serve) {
        Optional<FaultSwitch.Fault> hang = faults.hang();
        if (hang.isEmpty()) {
            return false;
        }
        request.pause();
        Held waiting = new Held(request, vertx.getOrCreateContext(), serve, System.nanoTime());
        held.add(waiting);
        lookAgainLater(waiting, hang.get());
        return true;
    }

    private void lookAgainLater(Held waiting, FaultSwitch.Fault hang) {
        long toTimeout = requestTimeoutNanos - (System.nanoTime() - waiting.arrivedNanos());
        long delay = TimeUnit.NANOSECONDS.toMillis(Math.min(hang.remaining().toNanos(), toTimeout));
        waiting.context().runOnContext(ignored -> vertx.setTimer(Math.max(1, delay), id -> lookAgain(waiting)));
    }

    private void lookAgain(Held waiting) {
        if (!held.contains(waiting)) {
            return;
        }
        if (System.nanoTime() - waiting.arrivedNanos() >= requestTimeoutNanos) {
            timeOut(waiting);
            return;
        }
        faults.hang().ifPresentOrElse(hang -> lookAgainLater(waiting, hang), () -> release(waiting));
    }

    private void releaseAll() {
        held.forEach(waiting -> waiting.context().runOnContext(ignored -> release(waiting)));
    }

    private void release(Held waiting) {
        if (!held.remove(waiting) || waiting.request().response().closed()) {
            return;
        }
        waiting.serve().run();
    }

    private void timeOut(Held waiting) {
        if (!held.remove(waiting) || waiting.request().response().closed()) {
            return;
        }
        waiting.request().resume();
        waiting.request()
                .response()
                .setStatusCode(504)
                .putHeader("Content-Type", "application/json")
                .end(KubeJson.write(new ApiException(
                                504,
                                "Timeout",
                                "Timeout: request did not complete within requested timeout - context deadline exceeded")
                        .toStatus()));
    }
}
