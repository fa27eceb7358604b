package dev.plumbline.cli.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for a Plumbline service's REST answers: each path (with its query) answers with a
 * status, content type and body set by the test; anything else is the services' 404 error body.
 */
public final class ServiceStandIn implements AutoCloseable {

    private record Answer(int status, String contentType, String body) {}

    /** One request as the stand-in received it. */
    public record Received(String method, String target, String authorization, String body) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public ServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            requests.add(target);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    target,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer = answers.getOrDefault(
                    target,
                    new Answer(404, "application/json", "{\"status\":404,\"message\":\"nothing at " + target + "\"}"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public ServiceStandIn answer(String pathAndQuery, int status, String contentType, String body) {
        answers.put(pathAndQuery, new Answer(status, contentType, body));
        return this;
    }

    public ServiceStandIn answerJson(String pathAndQuery, String json) {
        return answer(pathAndQuery, 200, "application/json", json);
    }

    public List<String> requests() {
        return requests;
    }

    /** Every request with its method, Authorization header and body. */
    public List<Received> received() {
        return received;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
