package dev.plumbline.events.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A standard Kafka client properties file, the one {@code kafka-console-consumer --consumer.config} reads: what a
 * local run writes for each principal, and what a service, the CLI or a test connects with.
 */
public final class KafkaClientProperties {

    private KafkaClientProperties() {}

    /**
     * Every setting of the file, its value stripped of surrounding blanks.
     *
     * @throws IOException when the file cannot be read or is not a properties file (the caller names what to do)
     */
    public static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IllegalArgumentException malformed) {
            throw new IOException("not a properties file: " + malformed.getMessage(), malformed);
        }
        Map<String, String> settings = new TreeMap<>();
        properties
                .stringPropertyNames()
                .forEach(name -> settings.put(name, properties.getProperty(name).strip()));
        return settings;
    }
}
