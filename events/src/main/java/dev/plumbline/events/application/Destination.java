package dev.plumbline.events.application;

import java.util.Objects;

/**
 * Where an Application deploys. What else it may touch is its project's to say, not its own.
 *
 * @param namespace filled into namespaced objects that name none
 */
public record Destination(String namespace) {

    public Destination {
        Objects.requireNonNull(namespace, "namespace");
    }

    public static Destination of(String namespace) {
        return new Destination(namespace);
    }
}
