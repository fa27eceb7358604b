package dev.plumbline.sandbox.kafka;

import dev.plumbline.events.kafka.KafkaClientProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) running in this JVM.
 *
 * <p>{@link #startEphemeral()} is for tests: a temporary folder and a free port, both gone on {@link #close()}; a
 * fatal broker error is logged rather than ending the JVM.
 * {@link #startPersistent(Path, int)} is for one-machine runs: the data stays in the given folder and a later
 * start on the same folder finds its topics, records and committed consumer offsets again.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final RunningBroker broker;
    private boolean closed;

    private EmbeddedKafka(RunningBroker broker) {
        this.broker = broker;
    }

    /** Starts a throw-away broker on a free port; its data is deleted on {@link #close()}. */
    public static EmbeddedKafka startEphemeral() {
        return start(EphemeralBroker::start);
    }

    /**
     * Starts a broker that keeps its data in {@code dataDir} (formatted on first use) and listens on
     * {@code 127.0.0.1:port}.
     */
    public static EmbeddedKafka startPersistent(Path dataDir, int port) {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        return start(() -> PersistentBroker.start(dataDir, port, Optional.empty()));
    }

    /**
     * Starts a persistent broker in its secured mode: SASL/SCRAM-SHA-512 over TLS on {@code 127.0.0.1:port}, one
     * user for each principal of {@code BusAccess} and the ACLs made from it. The TLS certificate is kept in
     * {@code securedFolder}, and each principal's client settings are written there as {@code <user>.properties}
     * (see {@link #clientProperties(Path, String)}), with passwords new at each start.
     */
    public static EmbeddedKafka startSecured(Path dataDir, int port, Path securedFolder) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(securedFolder, "securedFolder");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        return start(() -> PersistentBroker.start(dataDir, port, Optional.of(securedFolder)));
    }

    /** Where a secured broker writes the client settings of {@code user} (such as {@code renderer}). */
    public static Path clientProperties(Path securedFolder, String user) {
        return SecuredBus.clientFile(securedFolder.toAbsolutePath().normalize(), user);
    }

    /** The client settings a secured broker wrote for {@code user}, ready for a Kafka client to connect with. */
    public static Map<String, Object> clientSettings(Path securedFolder, String user) {
        Path file = clientProperties(securedFolder, user);
        Map<String, Object> settings = new HashMap<>();
        try {
            settings.putAll(KafkaClientProperties.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka client settings of " + user + " in " + file, e);
        }
        return settings;
    }

    /**
     * Kafka loads some of its classes by name through the thread's context class loader. Under Quarkus that is
     * the application's loader, which would mix its copies of Kafka classes with this class's: the broker starts
     * with the loader that loaded this class.
     */
    private static EmbeddedKafka start(BrokerStarter starter) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedKafka.class.getClassLoader());
        try {
            return new EmbeddedKafka(starter.start());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the embedded Kafka broker", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the embedded Kafka broker did not start: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    /** The address clients connect to, as {@code host:port}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Stops the broker and waits for it, so that a persistent broker's folder is consistent. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            broker.shutdown();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the embedded Kafka broker did not stop cleanly: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface BrokerStarter {
        RunningBroker start() throws Exception;
    }
}
