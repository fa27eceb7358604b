package dev.plumbline.engine.health;

import dev.plumbline.events.vocabulary.HealthStatus;
import java.util.Objects;

/**
 * The health of one live object, with a sentence a person can act on.
 *
 * @param status  the verdict
 * @param message why; empty when there is nothing to say
 */
public record ObjectHealth(HealthStatus status, String message) {

    public ObjectHealth {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    public static ObjectHealth healthy(String message) {
        return new ObjectHealth(HealthStatus.HEALTHY, message);
    }

    public static ObjectHealth progressing(String message) {
        return new ObjectHealth(HealthStatus.PROGRESSING, message);
    }

    public static ObjectHealth degraded(String message) {
        return new ObjectHealth(HealthStatus.DEGRADED, message);
    }

    public static ObjectHealth suspended(String message) {
        return new ObjectHealth(HealthStatus.SUSPENDED, message);
    }
}
