package dev.plumbline.notifier.occasion;

import dev.plumbline.events.manifest.ObjectIdentity;
import java.util.List;
import java.util.Objects;

/**
 * One object as a message lists it.
 *
 * @param object the object
 * @param status what happened to it, in the shared vocabulary: {@code modified}, {@code deleted}, {@code applied},
 *               {@code failed}, {@code degraded}, {@code update}, …
 * @param details one line per field or error, for example {@code spec.replicas: 3 → 5 (kubectl-edit, Update)}
 */
public record ObjectLine(ObjectIdentity object, String status, List<String> details) {

    public ObjectLine {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(status, "status");
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** The object as people read it: {@code Deployment apps/v1 shop/web}. */
    public String name() {
        return object.toString();
    }
}
