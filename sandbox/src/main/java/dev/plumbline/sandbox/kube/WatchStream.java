package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;

/**
 * One open watch: {@code {"type":"ADDED","object":{...}}} events, sent in order on a thread of its own so that
 * a slow client never holds up a write, over a WebSocket (fabric8's client) or a streamed HTTP response
 * (kubectl, client-go; see {@link KubeHttpServer}).
 */
final class WatchStream extends WebSocketListener {

    /** Where the events go. */
    interface Sink {
        void send(String event);

        /** Ends the stream; {@code code} and {@code reason} are the WebSocket close frame's. */
        void close(int code, String reason);
    }

    /** What a watch needs from the store: to be told of changes from its opening on, and to be let go. */
    interface Source {
        void open(WatchStream stream);

        void close(WatchStream stream);
    }

    /** One change to one object: {@code before} is null for a creation, {@code after} for a deletion. */
    record Change(long resourceVersion, String typeKey, ObjectNode before, ObjectNode after) {}

    private final String typeKey;
    private final ObjectFilter filter;
    private final long sinceResourceVersion;
    private final Source source;
    private final UnaryOperator<JsonNode> presentation;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kube-api-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Sink sink;

    /**
     * @param sinceResourceVersion 0 to start with every matching object as ADDED (Kubernetes' "current state"),
     *                             else the resourceVersion after which changes are wanted
     * @param presentation         what an event carries for an object: itself, or a Table row for kubectl get -w
     */
    WatchStream(
            String typeKey,
            ObjectFilter filter,
            long sinceResourceVersion,
            Source source,
            UnaryOperator<JsonNode> presentation) {
        this.typeKey = typeKey;
        this.filter = filter;
        this.sinceResourceVersion = sinceResourceVersion;
        this.source = source;
        this.presentation = presentation;
    }

    String typeKey() {
        return typeKey;
    }

    ObjectFilter filter() {
        return filter;
    }

    long sinceResourceVersion() {
        return sinceResourceVersion;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        streamTo(new Sink() {
            @Override
            public void send(String event) {
                webSocket.send(event);
            }

            @Override
            public void close(int code, String reason) {
                webSocket.close(code, reason);
            }
        });
    }

    /** Starts sending events to the sink: the objects that exist, or the changes since the resourceVersion. */
    void streamTo(Sink events) {
        sink = events;
        source.open(this);
    }

    /** The client went away. */
    void clientGone() {
        stop();
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(code, reason);
        stop();
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        stop();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
        stop();
    }

    /** An object that exists as the watch opens. */
    void existing(ObjectNode object) {
        send("ADDED", object);
    }

    /** Tells the client about a change if it concerns what this watch is about. */
    void changed(Change change) {
        if (!change.typeKey().equals(typeKey)) {
            return;
        }
        boolean matchedBefore = change.before() != null && filter.matches(change.before());
        boolean matchesAfter = change.after() != null && filter.matches(change.after());
        if (matchedBefore && matchesAfter) {
            send("MODIFIED", change.after());
        } else if (matchedBefore) {
            // an object that no longer matches leaves the watch as a deletion, with its latest state
            send("DELETED", change.after() != null ? change.after() : change.before());
        } else if (matchesAfter) {
            send("ADDED", change.after());
        }
    }

    /** The resourceVersion asked for is older than the changes kept: 410 Gone, after which clients list again. */
    void expired(long oldestKept) {
        ObjectNode status = KubeJson.MAPPER
                .createObjectNode()
                .put("kind", "Status")
                .put("apiVersion", "v1")
                .put("status", "Failure")
                .put("reason", "Expired")
                .put("code", 410)
                .put("message", "too old resource version: " + sinceResourceVersion + " (" + oldestKept + ")");
        sendEvent("ERROR", status);
        submit(() -> sink.close(1000, "resource version expired"));
    }

    /** Ends the stream, as when the API shuts down. */
    void shutDown() {
        Sink open = sink;
        if (open != null) {
            open.close(1001, "the API is shutting down");
        }
        stop();
    }

    private void send(String type, JsonNode object) {
        sendEvent(type, presentation.apply(object));
    }

    private void sendEvent(String type, JsonNode object) {
        ObjectNode event = KubeJson.MAPPER.createObjectNode().put("type", type);
        event.set("object", object);
        String message = KubeJson.write(event);
        submit(() -> sink.send(message));
    }

    private void submit(Runnable task) {
        try {
            sender.execute(task);
        } catch (RejectedExecutionException closed) {
            // the client went away; there is nobody left to tell
        }
    }

    private void stop() {
        source.close(this);
        sender.shutdown();
    }
}
