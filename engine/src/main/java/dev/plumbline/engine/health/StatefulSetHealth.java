package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;

/** apps/StatefulSet: spec observed, every replica ready, and the rolling update (or its partition) complete. */
final class StatefulSetHealth implements KindHealth {

    @Override
    public ObjectHealth assess(JsonNode live) {
        StatusReader sts = new StatusReader(live);
        if (sts.observedGeneration() == 0 || !sts.specObserved()) {
            return ObjectHealth.progressing("Waiting for statefulset spec update to be observed");
        }
        long wanted = sts.desiredReplicas();
        long ready = sts.status("readyReplicas");
        if (ready < wanted) {
            return ObjectHealth.progressing("Waiting for " + (wanted - ready) + " pods to be ready");
        }
        JsonNode strategy = sts.spec().path("updateStrategy");
        if ("OnDelete".equals(strategy.path("type").asText())) {
            return ObjectHealth.healthy("statefulset has " + ready + " ready pods");
        }
        JsonNode partition = strategy.path("rollingUpdate").path("partition");
        if (partition.canConvertToLong() && partition.asLong() > 0) {
            long toUpdate = wanted - partition.asLong();
            long updated = sts.status("updatedReplicas");
            if (updated < toUpdate) {
                return ObjectHealth.progressing("Waiting for partitioned roll out to finish: " + updated + " out of "
                        + toUpdate + " new pods have been updated");
            }
            return ObjectHealth.healthy("partitioned roll out complete: " + updated + " new pods have been updated");
        }
        String current = sts.statusNode().path("currentRevision").asText("");
        String update = sts.statusNode().path("updateRevision").asText("");
        if (!update.isEmpty() && !update.equals(current)) {
            return ObjectHealth.progressing("waiting for statefulset rolling update to complete: "
                    + sts.status("updatedReplicas") + " pods at revision " + update);
        }
        return ObjectHealth.healthy("statefulset rolling update complete: " + ready + " pods at revision "
                + (update.isEmpty() ? current : update));
    }
}
