package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads the fields health rules look at; a field the cluster has not written yet reads as zero or absent. */
final class StatusReader {

    private final JsonNode live;

    StatusReader(JsonNode live) {
        this.live = live;
    }

    long generation() {
        return live.path("metadata").path("generation").asLong(0);
    }

    long observedGeneration() {
        return status("observedGeneration");
    }

    /** Whether the controller has seen the latest spec; Kubernetes bumps generation on every spec change. */
    boolean specObserved() {
        return generation() <= observedGeneration();
    }

    long status(String field) {
        return live.path("status").path(field).asLong(0);
    }

    /** {@code spec.replicas}; Kubernetes defaults an absent one to 1. */
    long desiredReplicas() {
        JsonNode replicas = live.path("spec").path("replicas");
        return replicas.isMissingNode() || replicas.isNull() ? 1 : replicas.asLong();
    }

    JsonNode spec() {
        return live.path("spec");
    }

    JsonNode statusNode() {
        return live.path("status");
    }

    /** The status condition of that type, if the controller wrote one. */
    Optional<JsonNode> condition(String type) {
        for (JsonNode condition : live.path("status").path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    boolean conditionIs(String type, String status) {
        return condition(type)
                .map(condition -> status.equals(condition.path("status").asText()))
                .orElse(false);
    }

    String conditionMessage(String type) {
        return condition(type)
                .map(condition -> condition.path("message").asText(""))
                .orElse("");
    }
}
