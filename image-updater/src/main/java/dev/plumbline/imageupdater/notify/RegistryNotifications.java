package dev.plumbline.imageupdater.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.imageupdater.notify.NotificationOutcome.Malformed;
import dev.plumbline.imageupdater.notify.NotificationOutcome.Refused;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies and reads one registry notification. The sender is checked before a byte of the body is parsed: the
 * distribution registry by {@code Authorization: Bearer <secret>} (its endpoint's {@code headers}), Harbor by an
 * {@code Authorization} header equal to the secret (its webhook's auth header), GitHub by the HMAC-SHA256 of
 * {@code X-Hub-Signature-256}, Docker Hub and Quay, which sign nothing, by a {@code token} query parameter. A provider
 * without a configured secret is refused.
 */
public final class RegistryNotifications {

    /** Far above any real notification; larger bodies are not read. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Function<RegistryProvider, Optional<String>> secrets;

    public RegistryNotifications(Function<RegistryProvider, Optional<String>> secrets) {
        this.secrets = secrets;
    }

    public NotificationOutcome receive(
            RegistryProvider provider, Map<String, List<String>> headers, Map<String, String> query, byte[] body) {
        NotificationRequest request = new NotificationRequest(headers, query, body);
        Optional<String> secret = secrets.apply(provider).filter(value -> !value.isBlank());
        if (secret.isEmpty()) {
            return new Refused("no secret is configured for " + provider.label() + " notifications; set "
                    + "plumbline.registry-webhook." + provider.label() + ".secret");
        }
        Optional<String> refusal = refusal(provider, request, secret.get());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return new Malformed("the body is larger than " + MAX_BODY_BYTES / 1024 + " KiB");
        }
        String fallbackId = "sha256:"
                + HexFormat.of()
                        .formatHex(NotificationSecrets.sha256(request.body()))
                        .substring(0, 16);
        try {
            JsonNode root = Payloads.object(request.body());
            return switch (provider) {
                case DISTRIBUTION -> ProviderParsers.distribution(root, fallbackId);
                case DOCKER_HUB -> ProviderParsers.dockerHub(root, fallbackId);
                case GITHUB ->
                    ProviderParsers.github(
                            root,
                            request.header("X-GitHub-Event"),
                            Optional.ofNullable(request.header("X-GitHub-Delivery"))
                                    .orElse(fallbackId));
                case HARBOR -> ProviderParsers.harbor(root, fallbackId);
                case QUAY -> ProviderParsers.quay(root, fallbackId);
            };
        } catch (PayloadException e) {
            return new Malformed("not a " + provider.label() + " notification: " + e.getMessage());
        }
    }

    /** Empty when the sender proved it knows the secret; otherwise why not, never quoting a secret. */
    private static Optional<String> refusal(RegistryProvider provider, NotificationRequest request, String secret) {
        return switch (provider) {
            case DISTRIBUTION ->
                check(
                        request.header("Authorization"),
                        "Authorization header",
                        presented -> NotificationSecrets.same(presented, "Bearer " + secret));
            case HARBOR ->
                check(
                        request.header("Authorization"),
                        "Authorization header",
                        presented -> NotificationSecrets.same(presented, secret));
            case GITHUB ->
                check(
                        request.header("X-Hub-Signature-256"),
                        "X-Hub-Signature-256 header",
                        presented -> NotificationSecrets.hmacMatches(presented, secret, request.body()));
            case DOCKER_HUB, QUAY ->
                check(
                        request.query().get("token"),
                        "token query parameter",
                        presented -> NotificationSecrets.same(presented, secret));
        };
    }

    private static Optional<String> check(String presented, String where, Function<String, Boolean> valid) {
        if (presented == null || presented.isBlank()) {
            return Optional.of("missing " + where);
        }
        return valid.apply(presented) ? Optional.empty() : Optional.of(where + " does not match the configured secret");
    }
}
