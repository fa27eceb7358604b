package dev.plumbline.sandbox.kafka;

import dev.plumbline.sandbox.launch.Options;
import dev.plumbline.sandbox.launch.StandaloneRun;
import java.nio.file.Path;

/**
 * Runs a persistent single-node broker as its own JVM for one-machine runs:
 * {@code java -cp plumbline-sandbox.jar dev.plumbline.sandbox.kafka.KafkaBrokerMain [--data-dir DIR] [--port N]
 * [--secured DIR]}. With {@code --secured}, clients authenticate as the principals of {@code BusAccess} over TLS and
 * are authorized by its ACLs; their client settings are written to that folder as {@code <user>.properties}, before
 * the ready line. Without it, the broker speaks PLAINTEXT with no authentication, for tests.
 *
 * <p>Prints exactly one line, {@code kafka ready at 127.0.0.1:PORT}, once clients can connect; stops cleanly on
 * SIGTERM or Ctrl-C so that the data folder is consistent for the next start.
 */
public final class KafkaBrokerMain {

    static final String DEFAULT_DATA_DIR = ".plumbline/run/kafka";
    static final int DEFAULT_PORT = 9092;
    private static final String USAGE = "usage: KafkaBrokerMain [--data-dir DIR] [--port N] [--secured DIR]"
            + " (defaults: " + DEFAULT_DATA_DIR + ", " + DEFAULT_PORT + ", PLAINTEXT without authentication)";

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        // before the first Kafka class asks for a logger
        StandaloneRun.quietLogging();
        Path dataDir = Path.of(DEFAULT_DATA_DIR);
        int port = DEFAULT_PORT;
        Path secured = null;
        Options options = new Options(args);
        try {
            while (options.next()) {
                switch (options.name()) {
                    case "--data-dir" -> dataDir = Path.of(options.value());
                    case "--port" -> port = options.port(1);
                    case "--secured" -> secured = Path.of(options.value());
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw options.unknown();
                }
            }
        } catch (IllegalArgumentException e) {
            StandaloneRun.exitOnBadUsage(e.getMessage(), USAGE);
        }

        EmbeddedKafka broker = secured == null
                ? EmbeddedKafka.startPersistent(dataDir, port)
                : EmbeddedKafka.startSecured(dataDir, port, secured);
        StandaloneRun.serveUntilStopped(
                broker::close, "kafka-broker-shutdown", "kafka ready at " + broker.bootstrapServers());
    }
}
