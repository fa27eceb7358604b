package dev.plumbline.reconciler.limits;

import dev.plumbline.events.manifest.ObjectIdentity;

/**
 * An object an Application may not touch, and why, in words a person can act on.
 *
 * @param object the object
 * @param reason why it is refused, naming what would allow it
 */
public record Refusal(ObjectIdentity object, String reason) {

    /** As a condition lists it: {@code ConfigMap v1 other/settings: namespace "other" is ...}. */
    public String describe() {
        return object + ": " + reason;
    }
}
