package dev.plumbline.imageupdater.notify;

import dev.plumbline.events.vocabulary.Term;
import java.util.Arrays;
import java.util.Optional;

/** A sender of registry notifications, named as in {@code /api/registry-webhooks/<provider>}. */
public enum RegistryProvider implements Term {
    /** The CNCF distribution registry's notification endpoints ({@code docker-registry}, GitLab's, Zot's). */
    DISTRIBUTION,
    DOCKER_HUB,
    /** GitHub {@code package} events, for images on ghcr.io. */
    GITHUB,
    HARBOR,
    QUAY;

    /** The provider with this label ({@code docker-hub}), or empty. */
    public static Optional<RegistryProvider> fromLabel(String label) {
        return Arrays.stream(values())
                .filter(provider -> provider.label().equals(label))
                .findFirst();
    }
}
