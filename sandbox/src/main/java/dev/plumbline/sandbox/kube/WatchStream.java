package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * One open watch, served over a WebSocket as fabric8's client expects: {@code {"type":"ADDED","object":{...}}}
 * messages, sent in order on a thread of its own so that a slow client never holds up a write.
 */
final class WatchStream extends WebSocketListener {

    /** What a watch needs from the store: to be told of changes from its opening on, and to be let go. */
    interface Source {
        void open(WatchStream stream);

        void close(WatchStream stream);
    }

    /** One change to one object: {@code before} is null for a creation, {@code after} for a deletion. */
    record Change(long resourceVersion, String typeKey, ObjectNode before, ObjectNode after) {
    }

    private final String typeKey;
    private final ObjectFilter filter;
    private final long sinceResourceVersion;
    private final Source source;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kube-api-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile WebSocket socket;

    /**
     * @param sinceResourceVersion 0 to start with every matching object as ADDED (Kubernetes' "current state"),
     *                             else the resourceVersion after which changes are wanted
     */
    WatchStream(String typeKey, ObjectFilter filter, long sinceResourceVersion, Source source) {
        this.typeKey = typeKey;
        this.filter = filter;
        this.sinceResourceVersion = sinceResourceVersion;
        this.source = source;
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
        socket = webSocket;
        source.open(this);
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
        ObjectNode status = KubeJson.MAPPER.createObjectNode().put("kind", "Status").put("apiVersion", "v1")
                .put("status", "Failure").put("reason", "Expired").put("code", 410)
                .put("message", "too old resource version: " + sinceResourceVersion + " (" + oldestKept + ")");
        send("ERROR", status);
        submit(() -> socket.close(1000, "resource version expired"));
    }

    /** Closes the socket, as when the API shuts down. */
    void shutDown() {
        WebSocket open = socket;
        if (open != null) {
            open.close(1001, "the API is shutting down");
        }
        stop();
    }

    private void send(String type, JsonNode object) {
        ObjectNode event = KubeJson.MAPPER.createObjectNode().put("type", type);
        event.set("object", object);
        String message = KubeJson.write(event);
        submit(() -> socket.send(message));
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
