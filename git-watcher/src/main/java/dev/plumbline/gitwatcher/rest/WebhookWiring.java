package dev.plumbline.gitwatcher.rest;

import dev.plumbline.gitwatcher.config.GitWatcherConfig;
import dev.plumbline.gitwatcher.poll.RepoWatcher;
import dev.plumbline.gitwatcher.webhook.DeliveryLog;
import dev.plumbline.gitwatcher.webhook.Endpoint;
import dev.plumbline.gitwatcher.webhook.WebhookReceiver;
import dev.plumbline.gitwatcher.webhook.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Map;

/** Builds the webhook receiver from the settings: it is a plain class, tested without Quarkus. */
public class WebhookWiring {

    @Produces
    @ApplicationScoped
    WebhookReceiver receiver(GitWatcherConfig config, RepoWatcher watcher) {
        GitWatcherConfig.Webhook webhook = config.webhook();
        WebhookSecrets secrets = new WebhookSecrets(
                Map.of(
                        Endpoint.GITHUB, webhook.github().secret(),
                        Endpoint.GITLAB, webhook.gitlab().secret(),
                        Endpoint.GITEA, webhook.gitea().secret(),
                        Endpoint.GOGS, webhook.gogs().secret(),
                        Endpoint.BITBUCKET, webhook.bitbucket().secret(),
                        Endpoint.GENERIC, webhook.generic().secret()),
                webhook.secret());
        DeliveryLog log = new DeliveryLog(webhook.redeliveryCapacity(), webhook.redeliveryWindow(), Clock.systemUTC());
        return new WebhookReceiver(secrets, log, watcher, Clock.systemUTC());
    }
}
