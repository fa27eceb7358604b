package dev.plumbline.engine.inventory;

import dev.plumbline.events.manifest.ObjectIdentity;
import java.util.Optional;

/**
 * The value of the {@value TrackingMarks#TRACKING_ID_ANNOTATION} annotation: {@code <app>:<group>/<kind>:<namespace>/
 * <name>}, the group empty for core kinds and the namespace empty for cluster-scoped objects. It binds the object's
 * ownership to the object itself: marks copied onto another object (by hand, or by a tool that copies labels and
 * annotations) name the object they were copied from, not the copy. App names, groups, kinds and namespaces hold no
 * {@code :} or {@code /}; a name may (ClusterRoles such as {@code system:aggregate-to-edit}), so it is the rest.
 *
 * @param namespace empty for a cluster-scoped object
 */
public record TrackingId(String app, String group, String kind, String namespace, String name) {

    /** The tracking id an app writes on one of its objects. */
    public static TrackingId of(String app, ObjectIdentity object) {
        return new TrackingId(
                app,
                object.group(),
                object.kind(),
                object.namespace() == null ? "" : object.namespace(),
                object.name());
    }

    /** The id the text holds; empty when it is not of the form {@code <app>:<group>/<kind>:<namespace>/<name>}. */
    public static Optional<TrackingId> parse(String text) {
        int appEnd = text.indexOf(':');
        if (appEnd <= 0) {
            return Optional.empty();
        }
        int groupEnd = text.indexOf('/', appEnd + 1);
        int kindEnd = groupEnd < 0 ? -1 : text.indexOf(':', groupEnd + 1);
        int namespaceEnd = kindEnd < 0 ? -1 : text.indexOf('/', kindEnd + 1);
        if (namespaceEnd < 0) {
            return Optional.empty();
        }
        String group = text.substring(appEnd + 1, groupEnd);
        String kind = text.substring(groupEnd + 1, kindEnd);
        String namespace = text.substring(kindEnd + 1, namespaceEnd);
        String name = text.substring(namespaceEnd + 1);
        if (kind.isEmpty() || name.isEmpty() || group.contains(":")) {
            return Optional.empty();
        }
        return Optional.of(new TrackingId(text.substring(0, appEnd), group, kind, namespace, name));
    }

    /** The annotation's value. */
    public String format() {
        return app + ":" + group + "/" + kind + ":" + namespace + "/" + name;
    }

    @Override
    public String toString() {
        return format();
    }
}
