package dev.plumbline.servicekit.bus;

import dev.plumbline.events.kafka.KafkaClientProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A standard Kafka client properties file (the one {@code kafka-console-consumer --consumer.config} reads), as the
 * service's {@code kafka.} settings: {@code sasl.jaas.config} becomes {@code kafka.sasl.jaas.config}, which Quarkus
 * gives every channel, admin client and plain client of the service.
 */
final class KafkaClientFile {

    static final String PREFIX = "kafka.";

    private KafkaClientFile() {}

    /**
     * @throws IllegalStateException naming the file and the variable, when the file cannot be read
     */
    static Map<String, String> settings(Path file, String variable) {
        Map<String, String> settings = new TreeMap<>();
        try {
            KafkaClientProperties.read(file).forEach((name, value) -> settings.put(PREFIX + name, value));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Kafka client properties file " + file + " named by "
                    + variable + " (" + e.getClass().getSimpleName() + "): give the path of a readable file");
        }
        return settings;
    }
}
