package dev.plumbline.sandbox.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Quarkus test resource for a test of a broker outage: a broker of the test class's own that the test stops and
 * starts again on the same port and data folder (as a broker restart does), through the {@link Broker} field of type
 * {@link RestartableKafkaResource.Handle}. Use it with {@code restrictToAnnotatedClass = true}.
 */
public class RestartableKafkaResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the handle. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Broker {}

    /** Stops and starts the broker; its address and data stay the same. */
    public static final class Handle {

        private final Path data;
        private final int port;
        private EmbeddedKafka broker;

        private Handle(Path data, int port) {
            this.data = data;
            this.port = port;
        }

        /** Stops the broker and waits for it; clients see it gone. Nothing happens when it is stopped already. */
        public synchronized void stop() {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }

        /** Starts the broker on the same port and data, returning once clients can use it. */
        public synchronized void start() {
            if (broker == null) {
                broker = EmbeddedKafka.startPersistent(data, port);
            }
        }

        public String bootstrapServers() {
            return PersistentBroker.HOST + ":" + port;
        }
    }

    private Handle handle;

    @Override
    public Map<String, String> start() {
        try {
            handle = new Handle(Files.createTempDirectory("restartable-kafka"), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("no folder for the restartable broker's data", e);
        }
        handle.start();
        return EmbeddedKafkaResource.settingsFor(handle.bootstrapServers());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(handle, new TestInjector.AnnotatedAndMatchesType(Broker.class, Handle.class));
    }

    @Override
    public void stop() {
        if (handle != null) {
            handle.stop();
            try (Stream<Path> files = Files.walk(handle.data)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the restartable broker's data in " + handle.data, e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(PersistentBroker.HOST))) {
            return socket.getLocalPort();
        }
    }
}
