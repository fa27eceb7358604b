package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * autoscaling/HorizontalPodAutoscaler: degraded when it cannot scale its target or read its metrics (AbleToScale or
 * ScalingActive false, except when scaling is disabled on purpose by zero replicas); progressing until it reports
 * conditions; healthy otherwise, also while limited by its min or max.
 */
final class HorizontalPodAutoscalerHealth implements KindHealth {

    @Override
    public ObjectHealth assess(JsonNode live) {
        StatusReader hpa = new StatusReader(live);
        if (hpa.conditionIs("AbleToScale", "False")) {
            return ObjectHealth.degraded("cannot scale: " + hpa.conditionMessage("AbleToScale"));
        }
        if (hpa.conditionIs("ScalingActive", "False")
                && hpa.condition("ScalingActive")
                        .map(c -> !"ScalingDisabled".equals(c.path("reason").asText()))
                        .orElse(false)) {
            return ObjectHealth.degraded("scaling is not active: " + hpa.conditionMessage("ScalingActive"));
        }
        if (hpa.condition("AbleToScale").isEmpty()
                && hpa.condition("ScalingActive").isEmpty()) {
            return ObjectHealth.progressing("Waiting for the autoscaler to report its conditions");
        }
        return ObjectHealth.healthy("");
    }
}
