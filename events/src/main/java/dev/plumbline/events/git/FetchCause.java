package dev.plumbline.events.git;

import dev.plumbline.events.vocabulary.FetchCauseKind;
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
public record FetchCause(FetchCauseKind kind, WebhookProvider provider, String deliveryId, String actor) {

    public FetchCause {
        Objects.requireNonNull(kind, "kind");
    }

    public static FetchCause webhook(WebhookProvider provider, String deliveryId) {
        return new FetchCause(FetchCauseKind.WEBHOOK, Objects.requireNonNull(provider, "provider"), deliveryId, null);
    }

    public static FetchCause poll() {
        return new FetchCause(FetchCauseKind.POLL, null, null, null);
    }

    public static FetchCause manual(String actor) {
        return new FetchCause(FetchCauseKind.MANUAL, null, null, actor);
    }

    public static FetchCause watchStarted() {
        return new FetchCause(FetchCauseKind.WATCH_STARTED, null, null, null);
    }
}
