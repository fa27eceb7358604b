package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;

/** apps/DaemonSet: spec observed, and every node it should run on runs the updated pod, available. */
final class DaemonSetHealth implements KindHealth {

    @Override
    public ObjectHealth assess(JsonNode live) {
        StatusReader daemonSet = new StatusReader(live);
        if (!daemonSet.specObserved()) {
            return ObjectHealth.progressing(
                    "Waiting for rollout to finish: observed daemon set generation less " + "than desired generation");
        }
        if ("OnDelete"
                .equals(daemonSet.spec().path("updateStrategy").path("type").asText())) {
            return ObjectHealth.healthy("daemon set uses the OnDelete strategy: pods update when deleted");
        }
        long scheduled = daemonSet.status("desiredNumberScheduled");
        long updated = daemonSet.status("updatedNumberScheduled");
        long available = daemonSet.status("numberAvailable");
        if (updated < scheduled) {
            return ObjectHealth.progressing("Waiting for daemon set rollout to finish: " + updated + " out of "
                    + scheduled + " new pods have been updated");
        }
        if (available < scheduled) {
            return ObjectHealth.progressing("Waiting for daemon set rollout to finish: " + available + " of "
                    + scheduled + " updated pods are available");
        }
        return ObjectHealth.healthy("");
    }
}
