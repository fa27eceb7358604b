package dev.plumbline.imageupdater.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.imageupdater.notify.NotificationOutcome.Accepted;
import dev.plumbline.imageupdater.notify.NotificationOutcome.Ignored;
import dev.plumbline.imageupdater.notify.NotificationOutcome.Malformed;
import dev.plumbline.imageupdater.notify.NotificationOutcome.Refused;
import dev.plumbline.imageupdater.registry.ImageRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RegistryNotificationsTest {

    private static final String SECRET = "n0tify-s3cret";
    private static final String DIGEST = "sha256:97af9b2eceb5e426c3d799d46d3599a7e57dac1b3c6c09890bc85451321f2c59";

    private final RegistryNotifications notifications = new RegistryNotifications(provider -> Optional.of(SECRET));

    @ParameterizedTest
    @CsvSource({
        "DISTRIBUTION, distribution-push.json,          127.0.0.1:5000/shop/web,   true",
        "DOCKER_HUB,   docker-hub-push.json,            docker.io/acme/web,        false",
        "GITHUB,       github-package-published.json,   ghcr.io/acme/web,          true",
        "HARBOR,       harbor-push.json,                harbor.example.com/shop/web, true",
        "QUAY,         quay-push.json,                  quay.io/acme/web,          false"
    })
    void anAuthenticPushNamesTheRepositoryTagAndDigest(
            RegistryProvider provider, String sample, String repository, boolean withDigest) {
        NotificationOutcome outcome = deliver(provider, sample, SECRET);

        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(outcome.status()).isEqualTo(202);
        Accepted accepted = (Accepted) outcome;
        assertThat(accepted.images())
                .containsExactly(
                        new PushedImage(ImageRepository.parse(repository), "1.2.4", withDigest ? DIGEST : null));
        assertThat(accepted.deliveryId()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
        "DISTRIBUTION, distribution-push.json",
        "DOCKER_HUB,   docker-hub-push.json",
        "GITHUB,       github-package-published.json",
        "HARBOR,       harbor-push.json",
        "QUAY,         quay-push.json"
    })
    void aForgedDeliveryIsRefusedWithoutReadingIt(RegistryProvider provider, String sample) {
        NotificationOutcome outcome = deliver(provider, sample, "guessed-secret");

        assertThat(outcome).isInstanceOf(Refused.class);
        assertThat(outcome.status()).isEqualTo(401);
        assertThat(((Refused) outcome).reason()).contains("does not match").doesNotContain(SECRET);
    }

    @ParameterizedTest
    @EnumSource(RegistryProvider.class)
    void aDeliveryWithoutCredentialsIsRefused(RegistryProvider provider) {
        NotificationOutcome outcome = notifications.receive(provider, Map.of(), Map.of(), sample("quay-push.json"));

        assertThat(outcome).isInstanceOf(Refused.class);
        assertThat(((Refused) outcome).reason()).startsWith("missing ");
    }

    @ParameterizedTest
    @EnumSource(RegistryProvider.class)
    void aProviderWithoutASecretRefusesEveryDelivery(RegistryProvider provider) {
        RegistryNotifications unconfigured = new RegistryNotifications(any -> Optional.empty());
        Delivery delivery = signed(provider, "{}".getBytes(StandardCharsets.UTF_8), "");

        NotificationOutcome outcome =
                unconfigured.receive(provider, delivery.headers(), delivery.query(), delivery.body());

        assertThat(outcome)
                .isEqualTo(new Refused("no secret is configured for " + provider.label()
                        + " notifications; set plumbline.registry-webhook." + provider.label() + ".secret"));
    }

    @ParameterizedTest
    @EnumSource(RegistryProvider.class)
    void anAuthenticBodyThatIsNotJsonIsMalformed(RegistryProvider provider) {
        Delivery delivery = signed(provider, "{\"events\": [".getBytes(StandardCharsets.UTF_8), SECRET);

        NotificationOutcome outcome =
                notifications.receive(provider, delivery.headers(), delivery.query(), delivery.body());

        assertThat(outcome).isInstanceOf(Malformed.class);
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(((Malformed) outcome).reason())
                .startsWith("not a " + provider.label() + " notification: the body is not JSON");
    }

    @ParameterizedTest
    @CsvSource({
        "DISTRIBUTION, '{\"events\":{}}',                                     no events array",
        "DOCKER_HUB,   '{\"push_data\":{\"tag\":\"1.2.4\"}}',                  it has no repository.repo_name",
        "HARBOR,       '{\"type\":\"PUSH_ARTIFACT\",\"event_data\":{}}',        it has no event_data.resources array",
        "QUAY,         '{\"updated_tags\":[\"1\"],\"docker_url\":\"Quay.io/A B\"}', invalid repository path"
    })
    void aPayloadOfAnotherShapeIsMalformedWithTheReason(RegistryProvider provider, String body, String reason) {
        Delivery delivery = signed(provider, body.getBytes(StandardCharsets.UTF_8), SECRET);

        NotificationOutcome outcome =
                notifications.receive(provider, delivery.headers(), delivery.query(), delivery.body());

        assertThat(outcome).isInstanceOf(Malformed.class);
        assertThat(((Malformed) outcome).reason()).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "DISTRIBUTION, distribution-pull.json,       no tag was pushed",
        "GITHUB,       github-package-updated.json,  package action 'updated' publishes no image",
        "HARBOR,       harbor-delete.json,           Harbor event DELETE_ARTIFACT is not a push",
        "QUAY,         quay-build-queued.json,       not a repository push"
    })
    void pullsDeletesAndOtherEventsAreIgnored(RegistryProvider provider, String sample, String reason) {
        NotificationOutcome outcome = deliver(provider, sample, SECRET);

        assertThat(outcome).isInstanceOf(Ignored.class);
        assertThat(outcome.status()).isEqualTo(202);
        assertThat(((Ignored) outcome).reason()).contains(reason);
    }

    @Test
    void aGithubPingIsIgnoredAndTheDeliveryIdIsGithubs() {
        Delivery ping = signed(
                RegistryProvider.GITHUB,
                "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8),
                SECRET);
        Map<String, List<String>> pingHeaders = new HashMap<>(ping.headers());
        pingHeaders.put("X-GitHub-Event", List.of("ping"));

        assertThat(notifications.receive(RegistryProvider.GITHUB, pingHeaders, Map.of(), ping.body()))
                .isInstanceOf(Ignored.class);
        assertThat(deliver(RegistryProvider.GITHUB, "github-package-published.json", SECRET))
                .extracting(outcome -> ((Accepted) outcome).deliveryId())
                .isEqualTo("72d3162e-cc78-11e3-81ab-4c9367dc0958");
    }

    @Test
    void anOversizedBodyIsNotParsed() {
        byte[] body = new byte[RegistryNotifications.MAX_BODY_BYTES + 1];
        Delivery delivery = signed(RegistryProvider.HARBOR, body, SECRET);

        NotificationOutcome outcome =
                notifications.receive(RegistryProvider.HARBOR, delivery.headers(), delivery.query(), body);

        assertThat(outcome).isEqualTo(new Malformed("the body is larger than 1024 KiB"));
    }

    @Test
    void headersAreMatchedWithoutRegardToCase() {
        byte[] body = sample("distribution-push.json");

        NotificationOutcome outcome = notifications.receive(
                RegistryProvider.DISTRIBUTION, Map.of("authorization", List.of("Bearer " + SECRET)), Map.of(), body);

        assertThat(outcome).isInstanceOf(Accepted.class);
    }

    private record Delivery(Map<String, List<String>> headers, Map<String, String> query, byte[] body) {}

    private NotificationOutcome deliver(RegistryProvider provider, String sample, String secret) {
        Delivery delivery = signed(provider, sample(sample), secret);
        return notifications.receive(provider, delivery.headers(), delivery.query(), delivery.body());
    }

    /** A delivery as each provider sends it, proving knowledge of {@code secret} its own way. */
    private static Delivery signed(RegistryProvider provider, byte[] body, String secret) {
        return switch (provider) {
            case DISTRIBUTION ->
                new Delivery(
                        Map.of(
                                "Authorization",
                                List.of("Bearer " + secret),
                                "Content-Type",
                                List.of("application/vnd.docker.distribution.events.v1+json")),
                        Map.of(),
                        body);
            case HARBOR -> new Delivery(Map.of("Authorization", List.of(secret)), Map.of(), body);
            case GITHUB ->
                new Delivery(
                        Map.of(
                                "X-GitHub-Event", List.of("package"),
                                "X-GitHub-Delivery", List.of("72d3162e-cc78-11e3-81ab-4c9367dc0958"),
                                "X-Hub-Signature-256",
                                        List.of("sha256="
                                                + HexFormat.of()
                                                        .formatHex(NotificationSecrets.hmacSha256(
                                                                secret.isEmpty() ? "x" : secret, body)))),
                        Map.of(),
                        body);
            case DOCKER_HUB, QUAY -> new Delivery(Map.of(), Map.of("token", secret), body);
        };
    }

    private static byte[] sample(String name) {
        try (InputStream in = RegistryNotificationsTest.class.getResourceAsStream("/registry-notifications/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
