package dev.plumbline.gitwatcher.rest;

import dev.plumbline.gitwatcher.config.GitWatcherConfig;
import dev.plumbline.gitwatcher.config.WebhookSettings;
import dev.plumbline.gitwatcher.poll.RepoWatcher;
import dev.plumbline.gitwatcher.webhook.DeliveryLog;
import dev.plumbline.gitwatcher.webhook.WebhookReceiver;
import dev.plumbline.gitwatcher.webhook.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Builds the webhook receiver from the settings: it is a plain class, tested without Quarkus. */
public class WebhookWiring {

    private static final Logger LOG = Logger.getLogger(WebhookWiring.class);

    @Produces
    @ApplicationScoped
    WebhookReceiver receiver(GitWatcherConfig config, RepoWatcher watcher) {
        GitWatcherConfig.Webhook webhook = config.webhook();
        WebhookSecrets secrets = WebhookSettings.secrets(webhook);
        // said once at start, so that a receiver that can only answer 401 is found before the first push
        secrets.problems().forEach(problem -> LOG.warnf("webhook receiver %s", problem));
        DeliveryLog log = DeliveryLog.persistent(
                config.dataDir().resolve("webhooks"),
                webhook.redeliveryCapacity(),
                webhook.redeliveryWindow(),
                Clock.systemUTC());
        return new WebhookReceiver(secrets, log, watcher, Clock.systemUTC());
    }
}
