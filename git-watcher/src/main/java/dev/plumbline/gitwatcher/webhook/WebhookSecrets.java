package dev.plumbline.gitwatcher.webhook;

import dev.plumbline.events.vocabulary.WebhookProvider;
import java.util.Map;
import java.util.Optional;

/**
 * The secret each receiver verifies with: its own when set, otherwise the shared one. A receiver with neither
 * refuses every delivery: verification is never skipped.
 */
public final class WebhookSecrets {

    private final Map<Endpoint, Optional<String>> own;
    private final Optional<String> shared;

    public WebhookSecrets(Map<Endpoint, Optional<String>> own, Optional<String> shared) {
        this.own = Map.copyOf(own);
        this.shared = shared.filter(s -> !s.isEmpty());
    }

    public Optional<String> forProvider(WebhookProvider provider) {
        Endpoint endpoint = switch (provider) {
            case GITHUB -> Endpoint.GITHUB;
            case GITLAB -> Endpoint.GITLAB;
            case GITEA -> Endpoint.GITEA;
            case GOGS -> Endpoint.GOGS;
            case BITBUCKET_CLOUD, BITBUCKET_SERVER -> Endpoint.BITBUCKET;
            case GENERIC -> Endpoint.GENERIC;
        };
        return own.getOrDefault(endpoint, Optional.empty())
                .filter(s -> !s.isEmpty())
                .or(() -> shared);
    }

    /** Every secret value, so that they can be masked wherever text from outside is logged. */
    public java.util.List<String> values() {
        java.util.List<String> values = new java.util.ArrayList<>();
        own.values().forEach(v -> v.ifPresent(values::add));
        shared.ifPresent(values::add);
        return values;
    }
}
