package dev.plumbline.events.manifest;

import java.util.Objects;

/** A kind regardless of version, as allow-lists and ignore rules name it; {@code group} is empty for the core group. */
public record GroupKind(String group, String kind) {

    public GroupKind {
        group = group == null ? "" : group;
        Objects.requireNonNull(kind, "kind");
    }
}
