package dev.plumbline.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Starts Debian's docker-registry as a child process, hence slow. */
@Tag("slow")
class SandboxRegistryTest {

    private record Delivery(String authorization, String contentType, String body) {}

    @Test
    void aPushedImageIsListedAndItsPushIsNotifiedWithTheConfiguredAuthorization() throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        HttpServer listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/api/registry-webhooks/distribution", exchange -> {
            deliveries.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        listener.start();
        URI endpoint = URI.create(
                "http://127.0.0.1:" + listener.getAddress().getPort() + "/api/registry-webhooks/distribution");
        try (SandboxRegistry registry = SandboxRegistry.builder()
                .notify(endpoint, Map.of("Authorization", "Bearer s3cret"))
                .start()) {
            String digest = new ImagePusher()
                    .push(registry.host() + "/shop/web", "1.2.4", "0123abc", "https://git.example/shop");

            assertThat(digest).matches("sha256:[0-9a-f]{64}");
            assertThat(get(registry.url().resolve("/v2/shop/web/tags/list"))).contains("\"1.2.4\"");
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(deliveries).anySatisfy(delivery -> {
                        assertThat(delivery.authorization()).isEqualTo("Bearer s3cret");
                        assertThat(delivery.contentType())
                                .startsWith("application/vnd.docker.distribution.events.v1+json");
                        assertThat(delivery.body().replaceAll("\\s", ""))
                                .contains(
                                        "\"action\":\"push\"",
                                        "\"tag\":\"1.2.4\"",
                                        "\"repository\":\"shop/web\"",
                                        digest);
                    }));
        } finally {
            listener.stop(0);
        }
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
