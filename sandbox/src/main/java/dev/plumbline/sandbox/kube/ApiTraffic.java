package dev.plumbline.sandbox.kube;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded API's front door, for tests: it counts the requests it receives by HTTP method, and can answer every
 * request with an error for a while, as an API server that is restarting or overloaded does. Reach it with
 * {@link EmbeddedKubeApi#traffic()}.
 *
 * <pre>{@code
 * long writesBefore = api.traffic().writes();
 * api.traffic().failFor(Duration.ofSeconds(10), 500);   // every request answered 500 for 10 s
 * }</pre>
 */
public final class ApiTraffic extends Dispatcher {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Dispatcher api;
    private final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();
    private volatile long failUntilNanos;
    private volatile int failureStatus;

    ApiTraffic(Dispatcher api) {
        this.api = api;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        byMethod.computeIfAbsent(method, key -> new AtomicLong()).incrementAndGet();
        if (failureStatus != 0 && System.nanoTime() - failUntilNanos < 0) {
            return new MockResponse()
                    .setResponseCode(failureStatus)
                    .setHeader("Content-Type", "application/json")
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":"
                            + failureStatus + ",\"reason\":\"InternalError\",\"message\":\"injected failure\"}");
        }
        return api.dispatch(request);
    }

    @Override
    public void shutdown() {
        api.shutdown();
    }

    /** Answers every request with {@code status} (500, 503, 429, ...) from now for {@code duration}. */
    public void failFor(Duration duration, int status) {
        failUntilNanos = System.nanoTime() + duration.toNanos();
        failureStatus = status;
    }

    /** Requests received with this HTTP method, failed ones included. */
    public long count(String method) {
        AtomicLong count = byMethod.get(method.toUpperCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    /** Requests received that write: POST, PUT, PATCH and DELETE. */
    public long writes() {
        return WRITES.stream().mapToLong(this::count).sum();
    }
}
