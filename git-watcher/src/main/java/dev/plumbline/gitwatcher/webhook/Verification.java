package dev.plumbline.gitwatcher.webhook;

import java.util.Optional;

/** Checks a delivery's signature (or GitLab's token) with its provider's secret. */
public final class Verification {

    private Verification() {}

    /** Empty when the delivery is authentic; otherwise why it is refused, without any secret in the words. */
    public static Optional<String> refusal(WebhookRequest request, Delivery delivery, WebhookSecrets secrets) {
        WebhookSecrets.Resolved secret = secrets.forProvider(delivery.provider());
        if (secret.refusal() != null) {
            return Optional.of(secret.refusal());
        }
        String header = signatureHeader(delivery);
        String presented = request.header(header);
        if (presented == null || presented.isBlank()) {
            return Optional.of("missing " + header + " header");
        }
        boolean valid = switch (delivery.provider()) {
            case GITLAB -> Signatures.tokenMatches(presented, secret.secret());
            default -> Signatures.hmacMatches(presented, secret.secret(), request.body());
        };
        return valid ? Optional.empty() : Optional.of(header + " does not match the body");
    }

    /** The header each provider signs in. */
    public static String signatureHeader(Delivery delivery) {
        return switch (delivery.provider()) {
            case GITHUB -> "X-Hub-Signature-256";
            case GITLAB -> "X-Gitlab-Token";
            case GITEA -> "X-Gitea-Signature";
            case GOGS -> "X-Gogs-Signature";
            case BITBUCKET_CLOUD, BITBUCKET_SERVER -> "X-Hub-Signature";
            case GENERIC -> "X-Signature";
        };
    }
}
