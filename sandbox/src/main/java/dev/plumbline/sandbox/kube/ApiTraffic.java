package dev.plumbline.sandbox.kube;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded API's front door, for tests: it counts the requests it receives by HTTP method and those in flight,
 * keeps a ledger of server-side applies, and plays faults: every request answered with an error for a while, as an
 * API server that is restarting or overloaded does, or left unanswered, as one whose etcd stalls does. Reach it in
 * the same JVM with {@link EmbeddedKubeApi#traffic()}, from anywhere over HTTP under {@code /sandbox/} with
 * {@link KubeApiControl}.
 *
 * <pre>{@code
 * long writesBefore = api.traffic().writes();
 * api.traffic().failFor(Duration.ofSeconds(10), 500);   // every request answered 500 for 10 s
 * api.traffic().hangFor(Duration.ofSeconds(30), true);  // no answers for 30 s, open watches closed
 * }</pre>
 */
public final class ApiTraffic extends Dispatcher {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final KubeApiDispatcher api;
    private final ApplyLedger applies;
    private final FaultSwitch faults = new FaultSwitch();
    private final SandboxEndpoints endpoints;
    private final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong maxInFlight = new AtomicLong();

    ApiTraffic(KubeApiDispatcher api, ApplyLedger applies) {
        this.api = api;
        this.applies = applies;
        this.endpoints = new SandboxEndpoints(this, api::identify);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (SandboxEndpoints.serves(request.getPath())) {
            return endpoints.answer(request);
        }
        int status = faults.failureStatus();
        if (status != 0) {
            MockResponse failure =
                    SandboxEndpoints.json(status, injectedFailure(status).toStatus());
            // kube-apiserver's in-flight limit says when to come back; so does the fault
            return status == 429 ? failure.setHeader("Retry-After", "1") : failure;
        }
        return api.dispatch(request);
    }

    @Override
    public void shutdown() {
        api.shutdown();
    }

    /** Answers every request with {@code status} (500, 503, 429, ...) from now for {@code duration}. */
    public void failFor(Duration duration, int status) {
        failFor(duration, status, false);
    }

    /**
     * Answers every request with {@code status} from now for {@code duration}; with {@code dropWatches}, every
     * open watch is closed first, as an API server restart closes them. Answers how many watches it closed.
     */
    public int failFor(Duration duration, int status, boolean dropWatches) {
        faults.failFor(positive(duration), status);
        return dropWatches ? api.dropWatches() : 0;
    }

    /**
     * Leaves every request unanswered from now for {@code duration} (see {@link HeldRequests} for what they get
     * then); with {@code dropWatches}, every open watch is closed first. Answers how many watches it closed.
     */
    public int hangFor(Duration duration, boolean dropWatches) {
        faults.hangFor(positive(duration));
        return dropWatches ? api.dropWatches() : 0;
    }

    /** Ends any fault now; requests a hang holds are served. */
    public void clearFaults() {
        faults.clear();
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

    /** Requests by method, in flight, and the server-side applies, as {@code GET /sandbox/traffic} answers. */
    public TrafficSnapshot snapshot() {
        Map<String, Long> methods = new TreeMap<>();
        byMethod.forEach((method, count) -> methods.put(method, count.get()));
        return applies.snapshot(methods, inFlight.get(), maxInFlight.get());
    }

    FaultSwitch faults() {
        return faults;
    }

    /** A request arrived (not one under {@code /sandbox/}). */
    void received(String method) {
        byMethod.computeIfAbsent(method.toUpperCase(Locale.ROOT), key -> new AtomicLong())
                .incrementAndGet();
    }

    /** A request that is not a watch is now being served; {@link #finished()} follows once. */
    void started() {
        long now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    private static Duration positive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a fault must last a positive time, not " + duration);
        }
        return duration;
    }

    private static ApiException injectedFailure(int status) {
        String reason = switch (status) {
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            case 500 -> "InternalError";
            default -> "";
        };
        return new ApiException(status, reason, "injected failure");
    }
}
