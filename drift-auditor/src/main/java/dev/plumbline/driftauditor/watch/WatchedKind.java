package dev.plumbline.driftauditor.watch;

import dev.plumbline.events.manifest.GroupKind;
import dev.plumbline.events.manifest.ObjectIdentity;

/** A kind to watch, at the version an app's manifests use for it. */
public record WatchedKind(String group, String version, String kind) {

    public static WatchedKind of(ObjectIdentity identity) {
        return new WatchedKind(identity.group(), identity.version(), identity.kind());
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public GroupKind groupKind() {
        return new GroupKind(group, kind);
    }

    @Override
    public String toString() {
        return kind + " " + apiVersion();
    }
}
