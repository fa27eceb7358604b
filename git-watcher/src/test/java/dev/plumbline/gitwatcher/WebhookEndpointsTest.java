package dev.plumbline.gitwatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.gitwatcher.testing.Http;
import dev.plumbline.gitwatcher.testing.SandboxGit;
import dev.plumbline.gitwatcher.webhook.Signatures;
import dev.plumbline.gitwatcher.webhook.WebhookFixtures;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The receivers, the REST API and the artifact endpoint over real HTTP. */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class WebhookEndpointsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI root;

    Http http;
    EventTestClient kafka;

    @BeforeAll
    void start() {
        http = new Http(root);
        kafka = new EventTestClient(bootstrapServers);
        kafka.ensureTopics(PlumblineService.RECONCILER.ownedTopics());
    }

    @AfterAll
    void stop() {
        kafka.close();
    }

    @Test
    void everyFixtureIsVerifiedOverHttpAndRefusedWhenForged() {
        for (String fixture : WebhookFixtures.names()) {
            String path = "webhooks/" + WebhookFixtures.endpoint(fixture).path();
            Map<String, String> headers = sendable(WebhookFixtures.headers(fixture));
            HttpResponse<byte[]> real = http.post(path, headers, WebhookFixtures.body(fixture));
            assertThat(real.statusCode()).as(fixture + ": " + Http.text(real)).isIn(200, 202);

            headers.replaceAll(
                    (name, value) -> name.contains("Signature") || name.contains("Token") ? "forged" : value);
            HttpResponse<byte[]> forged = http.post(path, headers, WebhookFixtures.body(fixture));
            assertThat(forged.statusCode()).as(fixture).isEqualTo(401);
            assertThat(Http.text(forged)).contains("\"outcome\":\"unauthorized\"");
        }
    }

    @Test
    void aPingIsAnsweredWith200AndAnUnwatchedRepositoryWith202AndRecorded() {
        HttpResponse<byte[]> ping = http.post(
                "webhooks/github",
                sendable(WebhookFixtures.headers("github-ping")),
                WebhookFixtures.body("github-ping"));
        // a delivery id of its own: the data folder, and the deliveries it remembers, outlive one run of the tests
        Map<String, String> headers = sendable(WebhookFixtures.headers("gogs-push"));
        headers.put("X-Gogs-Delivery", UUID.randomUUID().toString());
        HttpResponse<byte[]> push = http.post("webhooks/gogs", headers, WebhookFixtures.body("gogs-push"));

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(push.statusCode()).isEqualTo(202);
        assertThat(Http.text(http.get("api/webhooks"))).contains("\"outcome\":\"unwatched\"", "\"outcome\":\"ping\"");
        assertThat(Http.text(http.get("q/metrics")))
                .contains("plumbline_webhook_deliveries_total{outcome=\"unwatched\",provider=\"gogs\"}");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        HttpResponse<byte[]> response = http.post("webhooks/github", Map.of("X-GitHub-Event", "push"), big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Http.text(response)).contains("larger than 5242880 bytes");
    }

    @Test
    void aWebhookForARepositoryWhoseFetchHangsIsStillAnsweredAtOnce() throws Exception {
        try (HangingGitHost host = new HangingGitHost()) {
            String url = "http://127.0.0.1:" + host.port() + "/slow/repo.git";
            kafka.send(SandboxGit.application("slow-" + host.port(), url, "main", ""));
            await().atMost(Duration.ofSeconds(30)).until(() -> host.connections() > 0);

            byte[] body = ("{\"repository\":\"" + url + "\"}").getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            HttpResponse<byte[]> ack = http.post(
                    "webhooks/generic",
                    Map.of(
                            "X-Delivery-Id",
                            "slow-1",
                            "X-Signature",
                            "sha256=" + Signatures.hmacSha256Hex(Http.SECRET, body)),
                    body);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(ack.statusCode()).isEqualTo(202);
            assertThat(Http.text(ack)).contains("\"outcome\":\"accepted\"");
            assertThat(took).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void badRequestsGetAClearErrorAndNeverAStackTrace() {
        String sha = "a".repeat(40);
        assertError(http.get("artifacts/0123456789abcdef/" + sha + ".tar.gz"), 404, "only commits this service");
        assertError(http.get("artifacts/not-a-key/" + sha + ".tar.gz"), 404, "no repository");
        assertError(http.get("artifacts/0123456789abcdef/main.tar.gz"), 400, "full lowercase commit SHA");
        assertError(http.post("webhooks/svn", Map.of(), new byte[0]), 404, "no webhook receiver svn");
        assertError(http.post("api/repos/refresh", Map.of(), "{\"url\":".getBytes()), 400, "could not be read");
        assertError(http.post("api/repos/refresh", Map.of(), "{}".getBytes()), 400, "give the repository");
        assertError(http.refresh("https://example.com/nobody/watches.git"), 404, "no Application watches");
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String words) {
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
        assertThat(Http.text(response))
                .startsWith("{\"error\":")
                .contains(words)
                .doesNotContain("Exception", "\tat ");
    }

    /** Java's HTTP client sets these itself and refuses them from a caller. */
    private static Map<String, String> sendable(Map<String, String> headers) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.keySet()
                .removeIf(name -> List.of("content-length", "connection", "host", "user-agent")
                        .contains(name.toLowerCase()));
        return copy;
    }

    /** A "Git host" that accepts connections and never answers: a fetch from it hangs until its timeout. */
    static final class HangingGitHost implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        HangingGitHost() throws IOException {
            Thread acceptor = new Thread(
                    () -> {
                        try {
                            while (!socket.isClosed()) {
                                accepted.add(socket.accept());
                            }
                        } catch (IOException closed) {
                            // the test is over
                        }
                    },
                    "hanging-git-host");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
