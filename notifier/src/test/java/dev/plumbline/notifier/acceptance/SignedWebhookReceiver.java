package dev.plumbline.notifier.acceptance;

import com.sun.net.httpserver.HttpServer;
import dev.plumbline.notifier.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver as a user would write one: it checks the signature and the timestamp, and refuses otherwise. */
final class SignedWebhookReceiver implements AutoCloseable {

    record Received(String body, String deliveryId, boolean signatureValid) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    SignedWebhookReceiver(int port, String secret) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            boolean valid = WebhookSignature.verify(
                    secret,
                    headers.getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    body,
                    headers.getFirst(WebhookSignature.SIGNATURE_HEADER),
                    Instant.now(),
                    Duration.ofMinutes(5));
            received.add(new Received(body, headers.getFirst(WebhookSignature.DELIVERY_HEADER), valid));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
