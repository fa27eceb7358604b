package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.vocabulary.HealthStatus;

/** core/PersistentVolumeClaim: bound is healthy, pending is progressing, lost is degraded. */
final class PersistentVolumeClaimHealth implements KindHealth {

    @Override
    public ObjectHealth assess(JsonNode live) {
        String phase = live.path("status").path("phase").asText("");
        switch (phase) {
            case "Bound":
                return ObjectHealth.healthy("");
            case "Pending":
                return ObjectHealth.progressing("Waiting for the claim to be bound to a volume");
            case "Lost":
                return ObjectHealth.degraded("The claim lost its volume");
            default:
                return new ObjectHealth(HealthStatus.UNKNOWN, "The claim reports no phase");
        }
    }
}
