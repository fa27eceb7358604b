package dev.plumbline.gitwatcher.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.gitwatcher.webhook.WebhookReceiverTest.FakeRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitLab sends its token in clear: the value it sends must never sign a delivery for another receiver. */
class ProviderSecretsTest {

    private static final String SECRET = WebhookFixtures.SECRET;

    @Test
    void aGitHubDeliverySignedWithTheGitLabTokenIsRefused() {
        WebhookSecrets sameValue = WebhookSecrets.ofValues(Map.of(Endpoint.GITLAB, SECRET), Optional.of(SECRET));

        WebhookOutcome forged = receiver(sameValue).handle(fixture("github-push-with-new-branch"));
        WebhookOutcome gitlab = receiver(sameValue).handle(withGitLabToken("gitlab-push", SECRET));

        assertThat(forged.status()).as(forged.message()).isEqualTo(401);
        assertThat(forged.message()).contains("plumbline.webhook.gitlab.token", "sends in clear");
        assertThat(gitlab.status()).as("the token itself is refused too").isEqualTo(401);
    }

    @Test
    void theSharedSecretIsNeverAcceptedFromGitLabWhichSendsItInClear() {
        WebhookSecrets sharedOnly = WebhookSecrets.ofValues(Map.of(), Optional.of(SECRET));

        WebhookOutcome gitlab = receiver(sharedOnly).handle(withGitLabToken("gitlab-push", SECRET));

        assertThat(gitlab.status()).as(gitlab.message()).isEqualTo(401);
        assertThat(gitlab.message()).contains("plumbline.webhook.gitlab.token");
    }

    @Test
    void aReceiverWithItsOwnSecretNeverAcceptsTheSharedOne() {
        WebhookSecrets secrets =
                WebhookSecrets.ofValues(Map.of(Endpoint.GITEA, "gitea's own secret"), Optional.of(SECRET));

        assertThat(receiver(secrets).handle(fixture("gitea-push")).status()).isEqualTo(401);
        assertThat(receiver(secrets).handle(fixture("gogs-push")).status()).isEqualTo(202);
    }

    @Test
    void everyProviderVerifiesWithItsOwnSecretReadFromAFile(@TempDir Path dir) throws IOException {
        Map<Endpoint, SecretSource> own = new HashMap<>();
        for (Endpoint endpoint : Endpoint.values()) {
            Path file = dir.resolve(endpoint.path());
            Files.writeString(file, (endpoint == Endpoint.GITLAB ? WebhookFixtures.GITLAB_TOKEN : SECRET) + "\n");
            own.put(
                    endpoint,
                    new SecretSource(WebhookSecrets.settingOf(endpoint), Optional.empty(), Optional.of(file)));
        }
        WebhookReceiver receiver = receiver(new WebhookSecrets(own, SecretSource.NONE));

        for (String name : WebhookFixtures.names()) {
            WebhookOutcome outcome = receiver.handle(fixture(name));
            assertThat(outcome.status()).as(name + ": " + outcome.message()).isIn(200, 202);
        }
    }

    @Test
    void anUnreadableSecretFileRefusesWithoutSayingWhereOrWhat(@TempDir Path dir) {
        SecretSource missing = new SecretSource(
                "plumbline.webhook.github.secret", Optional.empty(), Optional.of(dir.resolve("absent")));
        WebhookSecrets secrets = new WebhookSecrets(Map.of(Endpoint.GITHUB, missing), SecretSource.NONE);

        WebhookOutcome outcome = receiver(secrets).handle(fixture("github-push"));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.message())
                .isEqualTo("the github receiver's secret cannot be read; see the git-watcher's log");
        assertThat(secrets.problems()).hasSize(Endpoint.values().length);
    }

    private static WebhookReceiver receiver(WebhookSecrets secrets) {
        return new WebhookReceiver(
                secrets,
                new DeliveryLog(100, Duration.ofHours(1), Clock.systemUTC()),
                new FakeRepositories(Set.of()),
                Clock.systemUTC());
    }

    private static WebhookRequest fixture(String name) {
        return new WebhookRequest(
                WebhookFixtures.endpoint(name), WebhookFixtures.headers(name), WebhookFixtures.body(name));
    }

    private static WebhookRequest withGitLabToken(String name, String token) {
        Map<String, String> headers = new HashMap<>(WebhookFixtures.headers(name));
        headers.put("X-Gitlab-Token", token);
        return new WebhookRequest(WebhookFixtures.endpoint(name), headers, WebhookFixtures.body(name));
    }
}
