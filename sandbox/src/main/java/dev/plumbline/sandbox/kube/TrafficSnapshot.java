package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What the embedded API has received since it started, as {@code GET /sandbox/traffic} answers and
 * {@link KubeApiControl#traffic()} and {@link ApiTraffic#snapshot()} return it.
 *
 * @param byMethod               requests received, by HTTP method ({@code /sandbox/} calls not counted)
 * @param inFlight               requests received and not yet answered, watches not counted (as kube-apiserver's
 *                               in-flight limit does not count them)
 * @param maxInFlight            the most requests in flight at once since the start
 * @param applies                server-side applies ({@code PATCH} with {@code application/apply-patch+yaml}) that
 *                               succeeded, dry runs not counted
 * @param appliesByInstance      the same, by the {@code X-Plumbline-Instance} header, else the {@code User-Agent}
 * @param unchangedApplies       the applies after which the object was as before (a duplicate apply of the same
 *                               content: resourceVersion unchanged), oldest first, at most the last
 *                               {@value ApplyLedger#UNCHANGED_KEPT}
 * @param unchangedAppliesTotal  all unchanged applies since the start, those no longer listed included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrafficSnapshot(
        Map<String, Long> byMethod,
        long inFlight,
        long maxInFlight,
        long applies,
        Map<String, Long> appliesByInstance,
        List<UnchangedApply> unchangedApplies,
        long unchangedAppliesTotal) {

    /**
     * One apply that changed nothing.
     *
     * @param sequence the apply's number among all applies since the start, from 1
     * @param group    the object's API group, empty for the core group
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnchangedApply(
            long sequence,
            String group,
            String version,
            String kind,
            String namespace,
            String name,
            String fieldManager,
            String instance) {}

    public TrafficSnapshot {
        byMethod = Map.copyOf(byMethod);
        appliesByInstance = Map.copyOf(appliesByInstance);
        unchangedApplies = List.copyOf(unchangedApplies);
    }

    /** Requests received with this HTTP method, such as {@code "PATCH"}. */
    public long count(String method) {
        return byMethod.getOrDefault(method, 0L);
    }
}
