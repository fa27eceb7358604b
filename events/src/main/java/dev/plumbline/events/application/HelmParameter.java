package dev.plumbline.events.application;

import java.util.Objects;

/** One {@code --set name=value} parameter of a Helm render. */
public record HelmParameter(String name, String value) {

    public HelmParameter {
        Objects.requireNonNull(name, "name");
    }
}
