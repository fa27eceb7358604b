package dev.plumbline.sandbox.kube;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server-side applies the API took: how many, by which instance, and which of them left their object as it
 * was (a duplicate apply), the last {@value #UNCHANGED_KEPT} of those kept, so that a long run stays small.
 */
final class ApplyLedger {

    static final int UNCHANGED_KEPT = 10_000;

    private final Map<String, Long> byInstance = new TreeMap<>();
    private final Deque<TrafficSnapshot.UnchangedApply> unchanged = new ArrayDeque<>();
    private long applies;
    private long unchangedTotal;

    /** Whether the request is a server-side apply to an object that this ledger counts: dry runs are not. */
    static boolean counts(ApiRequest request) {
        return request.method().equals("PATCH")
                && request.contentType().split(";")[0].strip().equals(ObjectWrites.APPLY_PATCH)
                && !request.dryRun()
                && request.target().isPresent();
    }

    /**
     * Counts one successful apply of an object of {@code type}; {@code unchangedObject} when the stored object is
     * the same after it as before.
     */
    synchronized void record(ApiRequest request, RecordedRequest recorded, ResourceType type, boolean unchangedObject) {
        String instance = instance(recorded);
        applies++;
        byInstance.merge(instance, 1L, Long::sum);
        if (!unchangedObject) {
            return;
        }
        unchangedTotal++;
        if (unchanged.size() == UNCHANGED_KEPT) {
            unchanged.removeFirst();
        }
        ApiRequest.Target target = request.target().orElseThrow();
        unchanged.addLast(new TrafficSnapshot.UnchangedApply(
                applies,
                type.group(),
                type.version(),
                type.kind(),
                target.namespace(),
                target.name(),
                request.fieldManager(),
                instance));
    }

    /** The request counts given, with the applies as they stand, read at one moment. */
    synchronized TrafficSnapshot snapshot(Map<String, Long> byMethod, long inFlight, long maxInFlight) {
        return new TrafficSnapshot(
                byMethod, inFlight, maxInFlight, applies, byInstance, List.copyOf(unchanged), unchangedTotal);
    }

    /** The instance a request comes from: its {@code X-Plumbline-Instance} header, else its user agent. */
    private static String instance(RecordedRequest recorded) {
        String instance = recorded.getHeader("X-Plumbline-Instance");
        if (instance != null && !instance.isBlank()) {
            return instance.strip();
        }
        String agent = recorded.getHeader("User-Agent");
        return agent == null || agent.isBlank() ? "unknown" : agent.strip();
    }
}
