package dev.plumbline.gitwatcher.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.plumbline.events.git.FetchCause;
import dev.plumbline.events.vocabulary.WebhookProvider;
import dev.plumbline.gitwatcher.repo.RepoUrl;
import dev.plumbline.gitwatcher.webhook.WebhookOutcome.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookReceiverTest {

    /** Watches one repository, known by any of the URLs a payload gives for it, and records each nudge. */
    static final class FakeRepositories implements WebhookReceiver.Repositories {
        final Set<String> watched;
        final List<FetchCause> nudges = new ArrayList<>();

        FakeRepositories(Set<String> watched) {
            this.watched = watched;
        }

        @Override
        public Optional<String> watchedKey(String anyUrl) {
            return RepoUrl.matchKeyOf(anyUrl)
                    .filter(k -> watched.isEmpty() || watched.contains(k))
                    .map(k -> "repo");
        }

        @Override
        public void nudge(String repoKey, FetchCause cause) {
            nudges.add(cause);
        }
    }

    private final FakeRepositories everything = new FakeRepositories(Set.of());

    static List<String> fixtures() {
        return WebhookFixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyRealPayloadWithItsRealSignatureVerifies(String fixture) {
        WebhookOutcome outcome = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                .handle(request(fixture, WebhookFixtures.headers(fixture), WebhookFixtures.body(fixture)));

        if (fixture.contains("ping")) {
            assertThat(outcome.status()).isEqualTo(200);
            assertThat(outcome.outcome()).isEqualTo(Outcome.PING);
            assertThat(everything.nudges).isEmpty();
        } else {
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(202);
            assertThat(outcome.outcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(everything.nudges).hasSize(1);
            assertThat(everything.nudges.get(0).provider()).isEqualTo(outcome.provider());
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyRealPayloadWithAForgedSignatureIsRefused(String fixture) {
        Map<String, String> forged = new HashMap<>(WebhookFixtures.headers(fixture));
        forged.replaceAll((name, value) -> name.contains("Signature") || name.contains("Token") ? forge(value) : value);

        WebhookOutcome outcome = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                .handle(request(fixture, forged, WebhookFixtures.body(fixture)));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(outcome.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(everything.nudges).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aRealSignatureOverOneChangedByteIsRefused(String fixture) {
        assumeFalse(fixture.startsWith("gitlab"), "GitLab sends its secret as a token, not a signature of the body");
        byte[] body = WebhookFixtures.body(fixture);
        body[body.length / 2] ^= 1;
        WebhookOutcome outcome = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                .handle(request(fixture, WebhookFixtures.headers(fixture), body));

        assertThat(outcome.status()).isEqualTo(401);
        assertThat(everything.nudges).isEmpty();
    }

    @Test
    void giteaSendsGitHubsHeadersTooAndIsToldApartWhereverItIsPointed() {
        for (Endpoint endpoint : List.of(Endpoint.GITHUB, Endpoint.GITEA, Endpoint.GOGS)) {
            WebhookOutcome outcome = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                    .handle(new WebhookRequest(
                            endpoint, WebhookFixtures.headers("gitea-push"), WebhookFixtures.body("gitea-push")));
            assertThat(outcome.provider()).as(endpoint.path()).isEqualTo(WebhookProvider.GITEA);
            assertThat(outcome.outcome()).isEqualTo(Outcome.ACCEPTED);
        }
    }

    @Test
    void bitbucketServerIsToldFromBitbucketCloud() {
        WebhookReceiver receiver = receiver(Optional.of(WebhookFixtures.SECRET), everything);
        assertThat(receiver.handle(request(
                                "bitbucket-push",
                                WebhookFixtures.headers("bitbucket-push"),
                                WebhookFixtures.body("bitbucket-push")))
                        .provider())
                .isEqualTo(WebhookProvider.BITBUCKET_CLOUD);
        String server = "bitbucket-server-push-argocd-testdata";
        assertThat(receiver.handle(request(server, WebhookFixtures.headers(server), WebhookFixtures.body(server)))
                        .provider())
                .isEqualTo(WebhookProvider.BITBUCKET_SERVER);
    }

    @Test
    void aRedeliveryIsAcknowledgedAndFetchesNothing() {
        WebhookReceiver receiver = receiver(Optional.of(WebhookFixtures.SECRET), everything);
        for (String fixture : List.of("github-push-with-new-branch", "gitlab-push", "gogs-push", "bitbucket-push")) {
            WebhookOutcome first =
                    receiver.handle(request(fixture, WebhookFixtures.headers(fixture), WebhookFixtures.body(fixture)));
            WebhookOutcome again =
                    receiver.handle(request(fixture, WebhookFixtures.headers(fixture), WebhookFixtures.body(fixture)));

            assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.outcome()).as(fixture).isEqualTo(Outcome.DUPLICATE);
        }
        assertThat(everything.nudges).hasSize(4);
    }

    @Test
    void gitLabsIdempotencyKeyIsItsDeliveryId() {
        WebhookOutcome outcome = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                .handle(request(
                        "gitlab-push", WebhookFixtures.headers("gitlab-push"), WebhookFixtures.body("gitlab-push")));

        assertThat(outcome.deliveryId()).isEqualTo("f5e5f430-f57b-4e6e-9fac-d9128cd7232f");
    }

    @Test
    void aMissingSignatureOrAMissingSecretIsRefusedWithTheReason() {
        Map<String, String> unsigned = new HashMap<>(WebhookFixtures.headers("github-push"));
        unsigned.remove("X-Hub-Signature-256");
        WebhookOutcome missing = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                .handle(request("github-push", unsigned, WebhookFixtures.body("github-push")));
        WebhookOutcome noSecret = receiver(Optional.empty(), everything)
                .handle(request(
                        "github-push", WebhookFixtures.headers("github-push"), WebhookFixtures.body("github-push")));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.message()).isEqualTo("missing X-Hub-Signature-256 header");
        assertThat(noSecret.status()).isEqualTo(401);
        assertThat(noSecret.message()).contains("plumbline.webhook.github.secret", "plumbline.webhook.secret");
    }

    @Test
    void aProvidersOwnSecretIsUsedBeforeTheSharedOne() {
        WebhookSecrets secrets =
                WebhookSecrets.ofValues(Map.of(Endpoint.GITHUB, "github's own"), Optional.of(WebhookFixtures.SECRET));
        WebhookReceiver receiver = new WebhookReceiver(secrets, log(), everything, Clock.systemUTC());

        assertThat(receiver.handle(request(
                                "github-push",
                                WebhookFixtures.headers("github-push"),
                                WebhookFixtures.body("github-push")))
                        .status())
                .isEqualTo(401);
        assertThat(receiver.handle(request(
                                "gogs-push", WebhookFixtures.headers("gogs-push"), WebhookFixtures.body("gogs-push")))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsABadRequest() {
        byte[] body = "{\"ref\": ".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(WebhookFixtures.headers("github-push"));
        headers.put("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(WebhookFixtures.SECRET, body));

        WebhookOutcome outcome = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                .handle(new WebhookRequest(Endpoint.GITHUB, headers, body));

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.message()).startsWith("the body is not valid JSON");
    }

    @Test
    void aBodyBrokenInAFieldThatIsNotReadIsStillABadRequest() {
        byte[] body = ("{\"ref\": \"refs/heads/main\", \"repository\": {\"clone_url\": \"https://example.com/a.git\"}, "
                        + "\"commits\": [{\"id\": }]}")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(WebhookFixtures.headers("github-push"));
        headers.put("X-Hub-Signature-256", "sha256=" + Signatures.hmacSha256Hex(WebhookFixtures.SECRET, body));

        WebhookOutcome outcome = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                .handle(new WebhookRequest(Endpoint.GITHUB, headers, body));

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.message()).startsWith("the body is not valid JSON");
        assertThat(everything.nudges).isEmpty();
    }

    @Test
    void aRepositoryNoApplicationWatchesIsAcknowledgedAndRecordedAsUnwatched() {
        FakeRepositories nothingOfThat = new FakeRepositories(Set.of("example.com/someone/else"));
        WebhookReceiver receiver = receiver(Optional.of(WebhookFixtures.SECRET), nothingOfThat);

        WebhookOutcome outcome = receiver.handle(
                request("gitlab-push", WebhookFixtures.headers("gitlab-push"), WebhookFixtures.body("gitlab-push")));

        assertThat(outcome.status()).isEqualTo(202);
        assertThat(outcome.outcome()).isEqualTo(Outcome.UNWATCHED);
        assertThat(outcome.message()).contains("no Application watches", "http://example.com/mike/diaspora.git");
        assertThat(nothingOfThat.nudges).isEmpty();
        assertThat(receiver.recent()).first().isEqualTo(outcome);
    }

    @Test
    void anEventThatMovesNoRefIsAcknowledgedWithoutAFetch() {
        byte[] body = "{\"action\": \"opened\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(
                "X-GitHub-Event",
                "issues",
                "X-GitHub-Delivery",
                "d-1",
                "X-Hub-Signature-256",
                "sha256=" + Signatures.hmacSha256Hex(WebhookFixtures.SECRET, body));

        WebhookOutcome outcome = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                .handle(new WebhookRequest(Endpoint.GITHUB, headers, body));

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_A_PUSH);
        assertThat(everything.nudges).isEmpty();
    }

    @Test
    void theGenericReceiverTakesARepositoryAndAnHmacInXSignature() {
        byte[] body = "{\"repository\": \"https://git.example.com/shop/deploy.git\", \"ref\": \"refs/heads/main\"}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(
                "X-Delivery-Id",
                "ci-42",
                "X-Signature",
                "sha256=" + Signatures.hmacSha256Hex(WebhookFixtures.SECRET, body));

        WebhookOutcome outcome = receiver(Optional.of(WebhookFixtures.SECRET), everything)
                .handle(new WebhookRequest(Endpoint.GENERIC, headers, body));

        assertThat(outcome.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(everything.nudges).containsExactly(FetchCause.webhook(WebhookProvider.GENERIC, "ci-42"));
    }

    private static WebhookReceiver receiver(Optional<String> shared, FakeRepositories repositories) {
        return new WebhookReceiver(
                WebhookSecrets.ofValues(Map.of(Endpoint.GITLAB, WebhookFixtures.GITLAB_TOKEN), shared),
                log(),
                repositories,
                Clock.systemUTC());
    }

    private static DeliveryLog log() {
        return new DeliveryLog(100, Duration.ofHours(1), Clock.systemUTC());
    }

    private static WebhookRequest request(String fixture, Map<String, String> headers, byte[] body) {
        return new WebhookRequest(WebhookFixtures.endpoint(fixture), headers, body);
    }

    /** Another value of the same shape: one hex digit changed, or another token. */
    private static String forge(String value) {
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0');
    }
}
