package dev.plumbline.events.vocabulary;

/** The Git host that sent a webhook. */
public enum WebhookProvider implements Term {
    GITHUB,
    GITLAB,
    GITEA,
    GOGS,
    BITBUCKET_CLOUD,
    BITBUCKET_SERVER,
    /** Any sender that signs the body with HMAC-SHA256 ({@code /webhooks/generic}). */
    GENERIC
}
