package dev.plumbline.gitwatcher.config;

import dev.plumbline.gitwatcher.webhook.Endpoint;
import dev.plumbline.gitwatcher.webhook.SecretSource;
import dev.plumbline.gitwatcher.webhook.WebhookSecrets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The webhook secrets as the settings give them, for the receivers and for the masking of logged text. */
public final class WebhookSettings {

    private WebhookSettings() {}

    public static WebhookSecrets secrets(GitWatcherConfig.Webhook webhook) {
        return new WebhookSecrets(own(webhook), shared(webhook));
    }

    /** Every webhook secret source: each receiver's own, GitLab's token and the shared secret. */
    static List<SecretSource> all(GitWatcherConfig.Webhook webhook) {
        List<SecretSource> all = new java.util.ArrayList<>(own(webhook).values());
        all.add(shared(webhook));
        return all;
    }

    private static Map<Endpoint, SecretSource> own(GitWatcherConfig.Webhook webhook) {
        Map<Endpoint, SecretSource> own = new EnumMap<>(Endpoint.class);
        own.put(Endpoint.GITHUB, signing(Endpoint.GITHUB, webhook.github()));
        own.put(
                Endpoint.GITLAB,
                new SecretSource(
                        WebhookSecrets.settingOf(Endpoint.GITLAB),
                        webhook.gitlab().token(),
                        webhook.gitlab().tokenFile()));
        own.put(Endpoint.GITEA, signing(Endpoint.GITEA, webhook.gitea()));
        own.put(Endpoint.GOGS, signing(Endpoint.GOGS, webhook.gogs()));
        own.put(Endpoint.BITBUCKET, signing(Endpoint.BITBUCKET, webhook.bitbucket()));
        own.put(Endpoint.GENERIC, signing(Endpoint.GENERIC, webhook.generic()));
        return own;
    }

    private static SecretSource signing(Endpoint endpoint, GitWatcherConfig.Provider provider) {
        return new SecretSource(WebhookSecrets.settingOf(endpoint), provider.secret(), provider.secretFile());
    }

    private static SecretSource shared(GitWatcherConfig.Webhook webhook) {
        return new SecretSource("plumbline.webhook.secret", webhook.secret(), webhook.secretFile());
    }
}
