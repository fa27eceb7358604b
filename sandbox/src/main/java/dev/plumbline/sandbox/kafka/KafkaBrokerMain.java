package dev.plumbline.sandbox.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

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
        // before the first Kafka class asks for a logger: the broker's INFO chatter would bury the ready line
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Path dataDir = Path.of(DEFAULT_DATA_DIR);
        int port = DEFAULT_PORT;
        Path secured = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(valueOf(args, ++i));
                    case "--port" -> port = portOf(valueOf(args, ++i));
                    case "--secured" -> secured = Path.of(valueOf(args, ++i));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }

        EmbeddedKafka broker = secured == null
                ? EmbeddedKafka.startPersistent(dataDir, port)
                : EmbeddedKafka.startSecured(dataDir, port, secured);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "kafka-broker-shutdown"));
        System.out.println("kafka ready at " + broker.bootstrapServers());
        stopped.await();
    }

    private static int portOf(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException("--port takes a number from 1 to 65535, not " + value);
    }

    private static String valueOf(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
