package dev.plumbline.sandbox.kube;

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

    /**
     * Counts one successful apply of the object by {@code instance}; {@code unchangedObject} when the stored
     * object is the same after it as before.
     */
    synchronized void record(
            ResourceType type,
            String namespace,
            String name,
            String fieldManager,
            String instance,
            boolean unchangedObject) {
        applies++;
        byInstance.merge(instance, 1L, Long::sum);
        if (!unchangedObject) {
            return;
        }
        unchangedTotal++;
        if (unchanged.size() == UNCHANGED_KEPT) {
            unchanged.removeFirst();
        }
        unchanged.addLast(new TrafficSnapshot.UnchangedApply(
                applies, type.group(), type.version(), type.kind(), namespace, name, fieldManager, instance));
    }

    /** The request counts given, with the applies as they stand, read at one moment. */
    synchronized TrafficSnapshot snapshot(Map<String, Long> byMethod, long inFlight, long maxInFlight) {
        return new TrafficSnapshot(
                byMethod, inFlight, maxInFlight, applies, byInstance, List.copyOf(unchanged), unchangedTotal);
    }
}
