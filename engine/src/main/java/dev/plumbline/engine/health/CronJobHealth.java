package dev.plumbline.engine.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * batch/CronJob: suspended while {@code spec.suspend}; degraded when its last scheduled run ended without success
 * (nothing active, and no success since that run was scheduled); otherwise healthy. The Jobs it starts carry their
 * own health.
 */
final class CronJobHealth implements KindHealth {

    @Override
    public ObjectHealth assess(JsonNode live) {
        if (live.path("spec").path("suspend").asBoolean(false)) {
            return ObjectHealth.suspended("CronJob is suspended");
        }
        JsonNode status = live.path("status");
        Instant lastScheduled = instant(status.path("lastScheduleTime").asText(null));
        boolean running =
                status.path("active").isArray() && !status.path("active").isEmpty();
        if (lastScheduled == null || running) {
            return ObjectHealth.healthy(running ? "a scheduled run is active" : "");
        }
        Instant lastSuccess = instant(status.path("lastSuccessfulTime").asText(null));
        if (lastSuccess == null || lastSuccess.isBefore(lastScheduled)) {
            return ObjectHealth.degraded("The run scheduled at " + lastScheduled + " did not succeed");
        }
        return ObjectHealth.healthy("");
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
