package dev.plumbline.sandbox.kube;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP side of the embedded API, on Vert.x: every request goes to the dispatcher through fabric8's mock
 * web server handler (plain answers and WebSocket upgrades, which fabric8's client watches with), except a
 * plain {@code GET ...?watch=true}, which kubectl and client-go send: its events are streamed as newline-delimited
 * JSON in a chunked {@code application/json;stream=watch} response, open until the client goes away. Here too
 * requests are counted (by method, and in flight until answered) and, during a hang, held without blocking the
 * event loop ({@link HeldRequests}); {@code /sandbox/} calls skip both.
 */
final class KubeHttpServer {

    private static final List<String> WEBSOCKET_SUB_PROTOCOLS =
            List.of("v1.channel.k8s.io", "v2.channel.k8s.io", "v3.channel.k8s.io", "v4.channel.k8s.io");
    private static final long TIMEOUT_SECONDS = 10;

    private final Vertx vertx = Vertx.vertx();
    private final ApiTraffic dispatcher;
    private final HeldRequests held;
    private HttpServer server;

    /** @param requestTimeout how long a request a hang holds may wait before it is answered 504 */
    KubeHttpServer(ApiTraffic dispatcher, Duration requestTimeout) {
        this.dispatcher = dispatcher;
        this.held = new HeldRequests(vertx, dispatcher.faults(), requestTimeout);
    }

    /** Listens on the address and port (0 for a free one); answers the port taken. */
    int start(String host, int port) {
        HttpServerRequestHandler answers = new HttpServerRequestHandler(vertx) {
            @Override
            protected MockResponse onHttpRequest(RecordedRequest request) {
                return dispatcher.dispatch(request);
            }
        };
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setWebSocketSubProtocols(WEBSOCKET_SUB_PROTOCOLS)
                .setHandle100ContinueAutomatically(true);
        try {
            server = await(
                    vertx.createHttpServer(options)
                            .requestHandler(request -> {
                                // a held request was paused; fabric8's handler resumes what it serves itself
                                Runnable serve = streamedWatch(request)
                                        ? () -> streamWatch(request.resume())
                                        : () -> answers.handle(request);
                                if (SandboxEndpoints.serves(request.path())) {
                                    serve.run();
                                    return;
                                }
                                dispatcher.received(request.method().name());
                                if (!watch(request)) {
                                    countInFlight(request.response());
                                }
                                if (!held.holdIfHanging(request, serve)) {
                                    serve.run();
                                }
                            })
                            .listen()
                            .toCompletionStage()
                            .toCompletableFuture(),
                    "start the embedded Kubernetes API on port " + port);
        } catch (IllegalStateException e) {
            vertx.close();
            throw e;
        }
        return server.actualPort();
    }

    void stop() {
        dispatcher.shutdown();
        if (server != null) {
            await(server.close().toCompletionStage().toCompletableFuture(), "stop the embedded Kubernetes API");
        }
        await(vertx.close().toCompletionStage().toCompletableFuture(), "stop the embedded Kubernetes API's threads");
    }

    /** Counts the request in flight until its answer is sent or its connection closes, whichever comes first. */
    private void countInFlight(HttpServerResponse response) {
        dispatcher.started();
        AtomicBoolean done = new AtomicBoolean();
        Runnable finished = () -> {
            if (done.compareAndSet(false, true)) {
                dispatcher.finished();
            }
        };
        response.endHandler(ignored -> finished.run());
        response.closeHandler(ignored -> finished.run());
    }

    private static boolean watch(HttpServerRequest request) {
        String watch = request.getParam("watch");
        return request.method().equals(io.vertx.core.http.HttpMethod.GET)
                && ("true".equalsIgnoreCase(watch) || "1".equals(watch));
    }

    private static boolean streamedWatch(HttpServerRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return watch(request) && (upgrade == null || !upgrade.equalsIgnoreCase("websocket"));
    }

    /** Asks the dispatcher for the watch; streams it when it opened one, else answers what it answered. */
    private void streamWatch(HttpServerRequest request) {
        RecordedRequest recorded = new RecordedRequest(
                request.version().alpnName().toUpperCase(Locale.ROOT),
                HttpMethod.GET,
                request.uri(),
                Headers.builder().addAll(request.headers()).build(),
                new Buffer());
        MockResponse answer = dispatcher.dispatch(recorded);
        HttpServerResponse response = request.response();
        if (!(answer.getWebSocketListener() instanceof WatchStream stream)) {
            response.setStatusCode(answer.code());
            answer.getHeaders().toMultimap().forEach(response.headers()::add);
            response.end(io.vertx.core.buffer.Buffer.buffer(answer.getBody().getBytes()));
            return;
        }
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "application/json;stream=watch")
                .putHeader("Cache-Control", "no-cache, private");
        response.closeHandler(ignored -> stream.clientGone());
        response.writeHead();
        stream.streamTo(new WatchStream.Sink() {
            @Override
            public void send(String event) {
                response.write(event + "\n");
            }

            @Override
            public void close(int code, String reason) {
                if (!response.ended()) {
                    response.end();
                }
            }
        });
    }

    private static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not " + what + " within " + TIMEOUT_SECONDS + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
