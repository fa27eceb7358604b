package dev.plumbline.gitwatcher.webhook;

import java.util.Locale;
import java.util.Optional;

/** The webhook receivers, one per kind of Git host: {@code POST /webhooks/<name>}. */
public enum Endpoint {
    GITHUB,
    GITLAB,
    GITEA,
    GOGS,
    /** Bitbucket Cloud ({@code repo:push}) and Bitbucket Server / Data Center ({@code repo:refs_changed}). */
    BITBUCKET,
    /** Any sender that signs the body with HMAC-SHA256 in {@code X-Signature}. */
    GENERIC;

    /** The provider a delivery to this receiver is from, before its headers are read. */
    public dev.plumbline.events.vocabulary.WebhookProvider defaultProvider() {
        return this == BITBUCKET
                ? dev.plumbline.events.vocabulary.WebhookProvider.BITBUCKET_CLOUD
                : dev.plumbline.events.vocabulary.WebhookProvider.valueOf(name());
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The receiver at {@code /webhooks/<path>}, the path compared without case. */
    public static Optional<Endpoint> named(String path) {
        for (Endpoint endpoint : values()) {
            if (endpoint.path().equalsIgnoreCase(path)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }
}
