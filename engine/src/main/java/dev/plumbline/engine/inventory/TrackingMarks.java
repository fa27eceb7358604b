package dev.plumbline.engine.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ObjectMetadata;
import java.util.Optional;

/**
 * How a live object says that Plumbline manages it, and for which app: the label {@value #MANAGED_BY_LABEL}
 * {@code = }{@value #MANAGED_BY_VALUE} (cheap to select on in a watch) and the annotation {@value #APP_ANNOTATION}
 * naming the app (an annotation, because app names may be longer than a label value allows). The renderer sets both.
 */
public final class TrackingMarks {

    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "plumbline";
    public static final String APP_ANNOTATION = "plumbline.dev/app";

    private TrackingMarks() {}

    /** Whether the object carries Plumbline's label, whatever its app. */
    public static boolean isTracked(JsonNode body) {
        return ObjectMetadata.label(body, MANAGED_BY_LABEL)
                .filter(MANAGED_BY_VALUE::equals)
                .isPresent();
    }

    /** The app a tracked object belongs to; empty when it is not tracked or names no app. */
    public static Optional<String> appOf(JsonNode body) {
        return isTracked(body)
                ? ObjectMetadata.annotation(body, APP_ANNOTATION).filter(app -> !app.isBlank())
                : Optional.empty();
    }

    /**
     * Whether a controller owns the object (an {@code ownerReferences} entry with {@code controller: true}), such as
     * the ReplicaSet of a Deployment. Such an object is its controller's to create and delete, even when it copied
     * Plumbline's marks from a template, so it is never part of an inventory.
     */
    public static boolean isControlled(JsonNode body) {
        for (JsonNode owner : body.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }
}
