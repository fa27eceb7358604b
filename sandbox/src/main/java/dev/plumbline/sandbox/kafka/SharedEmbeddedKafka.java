package dev.plumbline.sandbox.kafka;

import java.util.Optional;

/**
 * The one broker that all tests in a JVM share: started on first use, reused by every later test class and
 * Quarkus restart, and stopped by a JVM shutdown hook. Starting a broker costs seconds; sharing it keeps a
 * module's test run short. Tests keep apart by using their own topic and group names.
 *
 * <p>When {@value #BOOTSTRAP_SERVERS_VARIABLE} is set, as a system property or an environment variable, that
 * broker is used instead and none is started.
 */
public final class SharedEmbeddedKafka {

    public static final String BOOTSTRAP_SERVERS_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";

    private static EmbeddedKafka broker;

    private SharedEmbeddedKafka() {}

    /** The address of the broker to use, starting the shared one if this is the first call in this JVM. */
    public static synchronized String bootstrapServers() {
        Optional<String> external = externalBroker();
        if (external.isPresent()) {
            return external.get();
        }
        if (broker == null) {
            broker = EmbeddedKafka.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-embedded-kafka-shutdown"));
        }
        return broker.bootstrapServers();
    }

    private static Optional<String> externalBroker() {
        String configured = System.getProperty(BOOTSTRAP_SERVERS_VARIABLE, System.getenv(BOOTSTRAP_SERVERS_VARIABLE));
        return Optional.ofNullable(configured).map(String::strip).filter(value -> !value.isEmpty());
    }
}
