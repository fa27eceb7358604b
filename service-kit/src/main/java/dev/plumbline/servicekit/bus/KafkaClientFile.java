package dev.plumbline.servicekit.bus;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
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
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the Kafka client properties file " + file + " named by "
                    + variable + " (" + e.getClass().getSimpleName() + "): give the path of a readable file");
        }
        Map<String, String> settings = new TreeMap<>();
        properties
                .stringPropertyNames()
                .forEach(name ->
                        settings.put(PREFIX + name, properties.getProperty(name).strip()));
        return settings;
    }
}
