package dev.plumbline.engine.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ObjectIdentityReader;
import dev.plumbline.engine.object.ObjectMetadata;
import java.util.Optional;

/**
 * How a live object says that Plumbline manages it, and for which app: the label {@value #MANAGED_BY_LABEL}
 * {@code = }{@value #MANAGED_BY_VALUE} (cheap to select on in a watch), the annotation {@value #APP_ANNOTATION}
 * naming the app (an annotation, because app names may be longer than a label value allows), and the annotation
 * {@value #TRACKING_ID_ANNOTATION} ({@link TrackingId}) naming the app and the object itself. The renderer sets all
 * three. The label and app annotation say which app's objects to look at; only the tracking id proves an object is
 * the app's to delete ({@link #isOwnedBy}), since anyone who can edit an object can copy the other two onto it.
 */
public final class TrackingMarks {

    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "plumbline";
    public static final String APP_ANNOTATION = "plumbline.dev/app";
    public static final String TRACKING_ID_ANNOTATION = "plumbline.dev/tracking-id";

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

    /** The object's tracking id annotation as written; empty when it has none. */
    public static Optional<String> trackingIdText(JsonNode body) {
        return ObjectMetadata.annotation(body, TRACKING_ID_ANNOTATION);
    }

    /**
     * Whether the app may treat the object as one it created: it carries Plumbline's label and app annotation naming
     * the app, and a tracking id that names the app and this very object (group, kind, namespace and name).
     */
    public static boolean isOwnedBy(String app, JsonNode body) {
        return appOf(body).filter(app::equals).isPresent()
                && trackingIdText(body)
                        .flatMap(TrackingId::parse)
                        .filter(id -> id.equals(TrackingId.of(app, ObjectIdentityReader.identityOf(body))))
                        .isPresent();
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
