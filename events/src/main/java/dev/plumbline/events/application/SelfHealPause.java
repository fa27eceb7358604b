package dev.plumbline.events.application;

import java.time.Instant;
import java.util.Objects;

/**
 * Self-heal paused by a person, for example during an incident, from annotations they set on the Application with
 * their own Kubernetes credentials.
 *
 * @param until  when the pause ends by itself; null for a pause that lasts until someone resumes
 * @param by     who paused
 * @param reason why, in their words
 */
public record SelfHealPause(Instant until, String by, String reason) {

    public SelfHealPause {
        Objects.requireNonNull(by, "by");
        reason = reason == null ? "" : reason;
    }

    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }
}
