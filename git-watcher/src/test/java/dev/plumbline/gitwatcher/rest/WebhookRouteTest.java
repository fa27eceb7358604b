package dev.plumbline.gitwatcher.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.plumbline.events.git.FetchCause;
import dev.plumbline.gitwatcher.testing.Http;
import dev.plumbline.gitwatcher.testing.Settings;
import dev.plumbline.gitwatcher.webhook.DeliveryLog;
import dev.plumbline.gitwatcher.webhook.Signatures;
import dev.plumbline.gitwatcher.webhook.WebhookReceiver;
import dev.plumbline.gitwatcher.webhook.WebhookSecrets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook route over real HTTP on a plain Vert.x server: where the work runs and who is turned away. */
class WebhookRouteTest {

    private static final String REPO = "https://git.example.com/shop/deploy.git";

    @TempDir
    Path dataDir;

    private final List<Boolean> nudgedOnEventLoop = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private Vertx vertx;
    private Http http;

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theSignatureIsCheckedOffTheEventLoop() throws Exception {
        start(Map.of());

        HttpResponse<byte[]> response = deliver(Map.of());

        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(202);
        assertThat(nudgedOnEventLoop).containsExactly(false);
    }

    @Test
    void oneAddressOverItsLimitGets429WithRetryAfterWhileAnotherIsStillServed() throws Exception {
        start(Map.of(
                "plumbline.webhook.rate-limit.burst", "3",
                "plumbline.webhook.rate-limit.per-second", "0.1",
                "plumbline.webhook.trusted-proxies", "127.0.0.1"));
        Map<String, String> flooder = Map.of("X-Forwarded-For", "203.0.113.7");
        for (int i = 0; i < 3; i++) {
            assertThat(deliver(flooder).statusCode()).isEqualTo(202);
        }

        HttpResponse<byte[]> refused = deliver(flooder);
        HttpResponse<byte[]> other = deliver(Map.of("X-Forwarded-For", "203.0.113.8"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(Http.text(refused)).contains("too many deliveries from 203.0.113.7");
        assertThat(other.statusCode()).isEqualTo(202);
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerDoesNotEscapeTheLimit() throws Exception {
        start(Map.of(
                "plumbline.webhook.rate-limit.burst", "2",
                "plumbline.webhook.rate-limit.per-second", "0.1"));
        deliver(Map.of("X-Forwarded-For", "203.0.113.1"));
        deliver(Map.of("X-Forwarded-For", "203.0.113.2"));

        HttpResponse<byte[]> third = deliver(Map.of("X-Forwarded-For", "203.0.113.3"));

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Http.text(third)).contains("127.0.0.1");
    }

    private void start(Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("plumbline.data-dir", dataDir.toString());
        vertx = Vertx.vertx();
        WebhookRoute route = new WebhookRoute();
        route.config = Settings.of(all);
        route.metrics = new SimpleMeterRegistry();
        route.mapper = JsonMapper.builder().findAndAddModules().build();
        route.receiver = new WebhookReceiver(
                WebhookSecrets.ofValues(Map.of(), Optional.of(Http.SECRET)),
                new DeliveryLog(100, Duration.ofHours(1), Clock.systemUTC()),
                new WebhookReceiver.Repositories() {
                    @Override
                    public Optional<String> watchedKey(String anyUrl) {
                        return Optional.of("repo");
                    }

                    @Override
                    public void nudge(String repoKey, FetchCause cause) {
                        nudgedOnEventLoop.add(Context.isOnEventLoopThread());
                    }
                },
                Clock.systemUTC());
        Router router = Router.router(vertx);
        route.register(router);
        HttpServer server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        http = new Http(URI.create("http://127.0.0.1:" + server.actualPort() + "/"));
    }

    private HttpResponse<byte[]> deliver(Map<String, String> extraHeaders) {
        byte[] body = ("{\"repository\": \"" + REPO + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("X-Delivery-Id", "d-" + ids.incrementAndGet());
        headers.put("X-Signature", "sha256=" + Signatures.hmacSha256Hex(Http.SECRET, body));
        return http.post("webhooks/generic", headers, body);
    }
}
