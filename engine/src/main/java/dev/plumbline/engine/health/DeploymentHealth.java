package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;

/** apps/Deployment: suspended while paused; otherwise its rollout's progress, as {@code kubectl rollout status}. */
final class DeploymentHealth implements KindHealth {

    @Override
    public ObjectHealth assess(JsonNode live) {
        StatusReader deployment = new StatusReader(live);
        if (deployment.spec().path("paused").asBoolean(false)) {
            return ObjectHealth.suspended("Deployment is paused");
        }
        if (!deployment.specObserved()) {
            return ObjectHealth.progressing(
                    "Waiting for rollout to finish: observed deployment generation less " + "than desired generation");
        }
        if (deployment
                .condition("Progressing")
                .map(c -> "ProgressDeadlineExceeded".equals(c.path("reason").asText()))
                .orElse(false)) {
            return ObjectHealth.degraded(
                    "Deployment exceeded its progress deadline: " + deployment.conditionMessage("Progressing"));
        }
        long wanted = deployment.desiredReplicas();
        long updated = deployment.status("updatedReplicas");
        long replicas = deployment.status("replicas");
        long available = deployment.status("availableReplicas");
        if (updated < wanted) {
            return ObjectHealth.progressing("Waiting for rollout to finish: " + updated + " out of " + wanted
                    + " new replicas have been updated");
        }
        if (replicas > updated) {
            return ObjectHealth.progressing(
                    "Waiting for rollout to finish: " + (replicas - updated) + " old replicas are pending termination");
        }
        if (available < updated) {
            return ObjectHealth.progressing("Waiting for rollout to finish: " + available + " of " + updated
                    + " updated replicas are available");
        }
        return ObjectHealth.healthy("");
    }
}
