package dev.plumbline.events.git;

import dev.plumbline.events.vocabulary.TriggerKind;
import dev.plumbline.events.vocabulary.WebhookProvider;
import java.util.Objects;

/**
 * What made the git-watcher fetch.
 *
 * @param kind       webhook, poll, manual or watch-started
 * @param provider   the Git host of a webhook; null otherwise
 * @param deliveryId the host's delivery id of a webhook (GitHub's {@code X-GitHub-Delivery}, GitLab's
 *                   {@code Idempotency-Key}, …); null otherwise
 * @param actor      who asked for a manual fetch; null otherwise
 */
public record Trigger(TriggerKind kind, WebhookProvider provider, String deliveryId, String actor) {

    public Trigger {
        Objects.requireNonNull(kind, "kind");
    }

    public static Trigger webhook(WebhookProvider provider, String deliveryId) {
        return new Trigger(TriggerKind.WEBHOOK, Objects.requireNonNull(provider, "provider"), deliveryId, null);
    }

    public static Trigger poll() {
        return new Trigger(TriggerKind.POLL, null, null, null);
    }

    public static Trigger manual(String actor) {
        return new Trigger(TriggerKind.MANUAL, null, null, actor);
    }

    public static Trigger watchStarted() {
        return new Trigger(TriggerKind.WATCH_STARTED, null, null, null);
    }
}
