package dev.plumbline.cli.connect;

import dev.plumbline.events.kafka.KafkaClientProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings the CLI's Kafka readers connect with: the broker of {@code KAFKA_BOOTSTRAP_SERVERS}, and the
 * security settings of the Kafka client properties file named by {@code PLUMBLINE_KAFKA_CLIENT_PROPERTIES} ({@code
 * plumb up} writes {@code .plumbline/run/kafka/plumb.properties}, for the CLI's own principal, {@code User:plumb}).
 */
public final class KafkaClientSettings {

    public static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String FILE_VARIABLE = "PLUMBLINE_KAFKA_CLIENT_PROPERTIES";

    private KafkaClientSettings() {}

    /**
     * @param environment the run's environment: the env file of {@code plumb up} and the process environment
     * @throws CommandFailedException when the broker is not named or the file cannot be read
     */
    public static Map<String, Object> from(Map<String, String> environment) {
        Map<String, Object> settings = new HashMap<>();
        Optional.ofNullable(environment.get(FILE_VARIABLE))
                .filter(file -> !file.isBlank())
                .ifPresent(file -> settings.putAll(read(Path.of(file.strip()))));
        String bootstrap = environment.get(BOOTSTRAP_VARIABLE);
        if (bootstrap != null && !bootstrap.isBlank()) {
            settings.put("bootstrap.servers", bootstrap.strip());
        }
        if (!settings.containsKey("bootstrap.servers")) {
            throw new CommandFailedException(
                    BOOTSTRAP_VARIABLE + " is not set: start Plumbline with ./plumb up, or export it");
        }
        return settings;
    }

    private static Map<String, String> read(Path file) {
        try {
            return KafkaClientProperties.read(file);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read the Kafka client properties " + file + " ("
                    + FILE_VARIABLE + "): " + e.getClass().getSimpleName()
                    + "; start Plumbline with ./plumb up, or name a readable file");
        }
    }
}
