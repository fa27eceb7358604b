package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.vocabulary.HealthStatus;

/**
 * core/Pod: a container stuck waiting for a reason that will not clear by itself (CrashLoopBackOff,
 * ImagePullBackOff, ErrImagePull, CreateContainerConfigError, ...) makes it degraded whatever its phase; otherwise
 * its phase decides. A running pod that restarts its containers is healthy once ready; one that runs to completion
 * (restartPolicy Never or OnFailure) is progressing until it succeeds.
 */
final class PodHealth implements KindHealth {

    @Override
    public ObjectHealth assess(JsonNode live) {
        JsonNode status = live.path("status");
        String stuck = stuckContainer(status.path("initContainerStatuses"));
        if (stuck == null) {
            stuck = stuckContainer(status.path("containerStatuses"));
        }
        if (stuck != null) {
            return ObjectHealth.degraded(stuck);
        }
        String message = status.path("message").asText("");
        switch (status.path("phase").asText("")) {
            case "Pending":
                return ObjectHealth.progressing(message.isEmpty() ? "Pod is pending" : message);
            case "Succeeded":
                return ObjectHealth.healthy(message);
            case "Failed":
                return ObjectHealth.degraded(message.isEmpty() ? "Pod failed" : message);
            case "Running":
                return running(live, status);
            default:
                return new ObjectHealth(HealthStatus.UNKNOWN, "Pod reports no phase");
        }
    }

    private static ObjectHealth running(JsonNode live, JsonNode status) {
        String restartPolicy = live.path("spec").path("restartPolicy").asText("Always");
        if (!restartPolicy.equals("Always")) {
            return ObjectHealth.progressing("Pod is running to completion");
        }
        if (new StatusReader(live).conditionIs("Ready", "True")) {
            return ObjectHealth.healthy("");
        }
        for (JsonNode container : status.path("containerStatuses")) {
            if (container.path("lastState").has("terminated")) {
                return ObjectHealth.degraded(
                        "container " + container.path("name").asText()
                                + " terminated and is not ready: "
                                + container
                                        .path("lastState")
                                        .path("terminated")
                                        .path("reason")
                                        .asText("unknown reason"));
            }
        }
        return ObjectHealth.progressing("Pod is running and not ready yet");
    }

    private static String stuckContainer(JsonNode containerStatuses) {
        for (JsonNode container : containerStatuses) {
            JsonNode waiting = container.path("state").path("waiting");
            String reason = waiting.path("reason").asText("");
            if (reason.startsWith("Err") || reason.endsWith("Error") || reason.endsWith("BackOff")) {
                String message = waiting.path("message").asText("");
                return "container " + container.path("name").asText() + " is waiting: " + reason
                        + (message.isEmpty() ? "" : ": " + message);
            }
        }
        return null;
    }
}
