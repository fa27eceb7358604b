package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Watches that start from a resourceVersion, against a store that keeps only its last three changes. */
class WatchHistoryTest {

    private static final ResourceType CONFIG_MAPS = BuiltInResources.ALL.stream()
            .filter(type -> type.plural().equals("configmaps"))
            .findFirst()
            .orElseThrow();

    /** The client's end of a watch: what the server sent on it, and how it was closed. */
    private static final class RecordingSocket implements WebSocket {
        final List<JsonNode> sent = new CopyOnWriteArrayList<>();
        volatile int closedWith;

        @Override
        public RecordedRequest request() {
            return null;
        }

        @Override
        public boolean send(String text) {
            sent.add(KubeJson.read(text));
            return true;
        }

        @Override
        public boolean send(byte[] bytes) {
            throw new AssertionError("a watch sends text frames");
        }

        @Override
        public boolean close(int code, String reason) {
            closedWith = code;
            return true;
        }
    }

    /** Five ConfigMaps created with resourceVersions 1 to 5, of which the changes from 3 on are kept. */
    private static MemoryObjectStore storeWithFiveCreations() {
        MemoryObjectStore store = new MemoryObjectStore(3);
        for (int i = 1; i <= 5; i++) {
            store.insert(
                    CONFIG_MAPS,
                    "default",
                    KubeJson.readObject("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                            + "\"metadata\":{\"name\":\"cm-" + i + "\",\"namespace\":\"default\",\"resourceVersion\":\""
                            + store.nextResourceVersion() + "\"}}"));
        }
        return store;
    }

    private static RecordingSocket watchFrom(MemoryObjectStore store, long resourceVersion) {
        RecordingSocket socket = new RecordingSocket();
        WatchStream stream = new WatchStream(
                MemoryObjectStore.typeKey(CONFIG_MAPS),
                ObjectFilter.EVERYTHING,
                resourceVersion,
                store,
                object -> object);
        stream.onOpen(socket, null);
        return socket;
    }

    @Test
    void aWatchFromTheLastForgottenVersionGetsEveryChangeAfterIt() {
        RecordingSocket socket = watchFrom(storeWithFiveCreations(), 2);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(socket.sent)
                        .extracting(event -> event.path("type").asText() + " "
                                + event.path("object")
                                        .path("metadata")
                                        .path("name")
                                        .asText())
                        .containsExactly("ADDED cm-3", "ADDED cm-4", "ADDED cm-5"));
        assertThat(socket.closedWith).isZero();
    }

    @Test
    void aWatchFromAVersionOlderThanTheChangesKeptIsTold410ExpiredAndClosed() {
        RecordingSocket socket = watchFrom(storeWithFiveCreations(), 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> socket.closedWith == 1000);
        assertThat(socket.sent).hasSize(1);
        assertThat(socket.sent.get(0).path("type").asText()).isEqualTo("ERROR");
        assertThat(socket.sent.get(0).path("object").path("code").asInt()).isEqualTo(410);
        assertThat(socket.sent.get(0).path("object").path("message").asText())
                .isEqualTo("too old resource version: 1 (2)");
    }
}
