package dev.plumbline.events.project;

import java.util.Objects;

/**
 * Kinds named by globs: {@code {group: apps, kind: DaemonSet}}, {@code {group: "*", kind: "*"}}. The core group is
 * the empty string.
 */
public record KindPattern(String group, String kind) {

    public KindPattern {
        group = group == null ? "" : group;
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        return "{group: \"" + group + "\", kind: " + kind + "}";
    }
}
