package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;

/** batch/Job: failed is degraded, complete is healthy, suspended is suspended, anything else is still running. */
final class JobHealth implements KindHealth {

    @Override
    public ObjectHealth assess(JsonNode live) {
        StatusReader job = new StatusReader(live);
        if (job.conditionIs("Failed", "True")) {
            return ObjectHealth.degraded("Job failed: " + job.conditionMessage("Failed"));
        }
        if (job.conditionIs("Complete", "True")) {
            return ObjectHealth.healthy("Job completed");
        }
        if (job.spec().path("suspend").asBoolean(false) || job.conditionIs("Suspended", "True")) {
            return ObjectHealth.suspended("Job is suspended");
        }
        return ObjectHealth.progressing(
                "Job is running: " + job.status("active") + " active, " + job.status("succeeded") + " succeeded");
    }
}
