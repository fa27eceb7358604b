package dev.plumbline.engine.health;

import dev.plumbline.events.vocabulary.HealthStatus;
import java.util.Collection;
import java.util.List;

/**
 * An Application's health: its worst object's, in Argo CD's order, from best to worst: healthy, suspended,
 * progressing, missing, degraded, unknown. Unknown ranks worst because a verdict that cannot be made must not hide
 * behind a known one. An Application without objects is healthy.
 */
public final class AppHealth {

    /** Best first. */
    public static final List<HealthStatus> ORDER = List.of(
            HealthStatus.HEALTHY,
            HealthStatus.SUSPENDED,
            HealthStatus.PROGRESSING,
            HealthStatus.MISSING,
            HealthStatus.DEGRADED,
            HealthStatus.UNKNOWN);

    private AppHealth() {}

    public static HealthStatus worst(Collection<HealthStatus> statuses) {
        HealthStatus worst = HealthStatus.HEALTHY;
        for (HealthStatus status : statuses) {
            if (ORDER.indexOf(status) > ORDER.indexOf(worst)) {
                worst = status;
            }
        }
        return worst;
    }
}
