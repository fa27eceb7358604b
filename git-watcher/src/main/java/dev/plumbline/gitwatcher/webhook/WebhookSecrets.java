package dev.plumbline.gitwatcher.webhook;

import dev.plumbline.events.vocabulary.WebhookProvider;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The secret each receiver verifies with. A signing receiver (GitHub, Gitea, Gogs, Bitbucket, generic) uses its own
 * secret, or the shared one only when it has none. GitLab is different: it sends its token itself, in clear, to
 * anyone who can see the request, so its token is never the shared secret, and a token that is also another
 * receiver's secret is refused on both sides: what GitLab reveals never signs a delivery for another host. A receiver
 * without a usable secret refuses every delivery: verification is never skipped.
 */
public final class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    /** The secret to verify with, or why the delivery is refused; exactly one of the two is set. */
    public record Resolved(String secret, String refusal) {}

    private final Map<Endpoint, SecretSource> own;
    private final SecretSource shared;

    /** Each receiver's own source ({@link Endpoint#GITLAB}'s is its token) and the shared secret's. */
    public WebhookSecrets(Map<Endpoint, SecretSource> own, SecretSource shared) {
        this.own = new EnumMap<>(Endpoint.class);
        this.own.putAll(own);
        this.shared = shared;
    }

    /** Secrets given as values: each receiver's own ({@link Endpoint#GITLAB}'s is its token) and the shared one. */
    public static WebhookSecrets ofValues(Map<Endpoint, String> own, Optional<String> shared) {
        Map<Endpoint, SecretSource> sources = new EnumMap<>(Endpoint.class);
        own.forEach((endpoint, value) -> sources.put(endpoint, SecretSource.of(settingOf(endpoint), value)));
        return new WebhookSecrets(sources, SecretSource.of("plumbline.webhook.secret", shared.orElse(null)));
    }

    public Resolved forProvider(WebhookProvider provider) {
        Endpoint endpoint = endpointOf(provider);
        try {
            return endpoint == Endpoint.GITLAB ? gitlab() : signing(endpoint);
        } catch (UncheckedIOException e) {
            LOG.warnf("webhook deliveries to %s are refused: %s", endpoint.path(), e.getMessage());
            return refused("the " + endpoint.path() + " receiver's secret cannot be read; see the git-watcher's log");
        }
    }

    /** Why a receiver refuses every delivery whatever it carries, for the log at start; empty when all can verify. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            String refusal = forProvider(endpoint.defaultProvider()).refusal();
            if (refusal != null) {
                problems.add(endpoint.path() + ": " + refusal);
            }
        }
        return problems;
    }

    private Resolved signing(Endpoint endpoint) {
        Optional<String> secret = source(endpoint).read().or(shared::read);
        if (secret.isEmpty()) {
            return refused("no webhook secret is configured for " + endpoint.path() + "; set " + settingOf(endpoint)
                    + " (or " + settingOf(endpoint) + "-file) or the shared plumbline.webhook.secret");
        }
        if (secret.equals(source(Endpoint.GITLAB).read())) {
            return refused("the " + endpoint.path() + " secret is also plumbline.webhook.gitlab.token, which GitLab"
                    + " sends in clear; give the GitLab token a value of its own");
        }
        return new Resolved(secret.get(), null);
    }

    private Resolved gitlab() {
        Optional<String> token = source(Endpoint.GITLAB).read();
        if (token.isEmpty()) {
            return refused("no GitLab token is configured; set plumbline.webhook.gitlab.token (or token-file): GitLab"
                    + " sends it in clear, so the shared plumbline.webhook.secret is never used for GitLab");
        }
        for (Endpoint other : Endpoint.values()) {
            if (other != Endpoint.GITLAB && token.equals(source(other).read().or(shared::read))) {
                return refused("plumbline.webhook.gitlab.token is also the secret of the " + other.path()
                        + " receiver; GitLab sends it in clear, so give it a value of its own");
            }
        }
        return new Resolved(token.get(), null);
    }

    private SecretSource source(Endpoint endpoint) {
        return own.getOrDefault(endpoint, SecretSource.NONE);
    }

    private static Resolved refused(String reason) {
        return new Resolved(null, reason);
    }

    /** The setting of a receiver's own secret: {@code plumbline.webhook.<receiver>.secret}, GitLab's token. */
    public static String settingOf(Endpoint endpoint) {
        return "plumbline.webhook." + endpoint.path() + (endpoint == Endpoint.GITLAB ? ".token" : ".secret");
    }

    private static Endpoint endpointOf(WebhookProvider provider) {
        return switch (provider) {
            case GITHUB -> Endpoint.GITHUB;
            case GITLAB -> Endpoint.GITLAB;
            case GITEA -> Endpoint.GITEA;
            case GOGS -> Endpoint.GOGS;
            case BITBUCKET_CLOUD, BITBUCKET_SERVER -> Endpoint.BITBUCKET;
            case GENERIC -> Endpoint.GENERIC;
        };
    }
}
