package dev.plumbline.events.application;

import java.time.Instant;
import java.util.Objects;

/**
 * A "sync now" asked for through an annotation on the Application, as {@code flux reconcile} does. A new token
 * means a new request: the reconciler syncs once per token, however often the spec is published.
 *
 * @param token       the annotation's value, unique per request
 * @param by          who asked
 * @param requestedAt when
 * @param revision    the revision to sync to (a rollback); null for the Application's target revision
 */
public record RequestedSync(String token, String by, Instant requestedAt, String revision) {

    public RequestedSync {
        Objects.requireNonNull(token, "token");
    }
}
