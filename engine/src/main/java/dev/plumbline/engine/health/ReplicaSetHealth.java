package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;

/** apps/ReplicaSet: degraded when it cannot create pods (ReplicaFailure), else available replicas against wanted. */
final class ReplicaSetHealth implements KindHealth {

    @Override
    public ObjectHealth assess(JsonNode live) {
        StatusReader replicaSet = new StatusReader(live);
        if (!replicaSet.specObserved()) {
            return ObjectHealth.progressing(
                    "Waiting for rollout to finish: observed replica set generation less " + "than desired generation");
        }
        if (replicaSet.conditionIs("ReplicaFailure", "True")) {
            return ObjectHealth.degraded(replicaSet.conditionMessage("ReplicaFailure"));
        }
        long wanted = replicaSet.desiredReplicas();
        long available = replicaSet.status("availableReplicas");
        if (available < wanted) {
            return ObjectHealth.progressing("Waiting for rollout to finish: " + available + " out of " + wanted
                    + " new replicas are available");
        }
        return ObjectHealth.healthy("");
    }
}
