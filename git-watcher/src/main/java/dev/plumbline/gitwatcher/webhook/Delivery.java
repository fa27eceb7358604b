package dev.plumbline.gitwatcher.webhook;

import dev.plumbline.events.vocabulary.WebhookProvider;

/**
 * Who sent a webhook, as its headers say.
 *
 * @param provider   the Git host
 * @param event      the host's event name ({@code push}, {@code Push Hook}, {@code repo:refs_changed}…); null if absent
 * @param deliveryId the host's id of this delivery, kept across redeliveries; null if absent
 */
public record Delivery(WebhookProvider provider, String event, String deliveryId) {

    /**
     * Reads the headers. Gitea sends GitHub's and Gogs' headers beside its own, so {@code X-Gitea-Event} is looked at
     * first wherever a Gitea hook may be pointed; Bitbucket Server is told from Cloud by its event key and request id.
     */
    public static Delivery of(WebhookRequest request) {
        return switch (request.endpoint()) {
            case GITHUB ->
                request.has("X-Gitea-Event")
                        ? gitea(request)
                        : request.has("X-Gogs-Event")
                                ? gogs(request)
                                : new Delivery(
                                        WebhookProvider.GITHUB,
                                        request.header("X-GitHub-Event"),
                                        request.header("X-GitHub-Delivery"));
            case GITEA -> gitea(request);
            case GOGS -> request.has("X-Gitea-Event") ? gitea(request) : gogs(request);
            case GITLAB ->
                new Delivery(
                        WebhookProvider.GITLAB,
                        request.header("X-Gitlab-Event"),
                        first(request, "Idempotency-Key", "X-Gitlab-Event-UUID"));
            case BITBUCKET -> bitbucket(request);
            case GENERIC ->
                new Delivery(WebhookProvider.GENERIC, "push", first(request, "X-Delivery-Id", "X-Request-Id"));
        };
    }

    private static Delivery gitea(WebhookRequest request) {
        return new Delivery(WebhookProvider.GITEA, request.header("X-Gitea-Event"), request.header("X-Gitea-Delivery"));
    }

    private static Delivery gogs(WebhookRequest request) {
        return new Delivery(WebhookProvider.GOGS, request.header("X-Gogs-Event"), request.header("X-Gogs-Delivery"));
    }

    private static Delivery bitbucket(WebhookRequest request) {
        String event = request.header("X-Event-Key");
        boolean server = event != null && (event.startsWith("repo:refs_changed") || event.startsWith("diagnostics:"))
                || (!request.has("X-Request-UUID") && request.has("X-Request-Id"));
        return server
                ? new Delivery(WebhookProvider.BITBUCKET_SERVER, event, request.header("X-Request-Id"))
                : new Delivery(WebhookProvider.BITBUCKET_CLOUD, event, request.header("X-Request-UUID"));
    }

    private static String first(WebhookRequest request, String... names) {
        for (String name : names) {
            if (request.has(name)) {
                return request.header(name);
            }
        }
        return null;
    }
}
