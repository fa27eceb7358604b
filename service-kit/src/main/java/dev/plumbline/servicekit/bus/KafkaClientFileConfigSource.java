package dev.plumbline.servicekit.bus;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The service's Kafka client settings from the file named by {@value #VARIABLE}, each as {@code kafka.<name>}.
 * Its ordinal puts it above the defaults and {@code application.properties} and below the environment, so that a
 * {@code KAFKA_*} variable still overrides one entry. The values are given to the Kafka clients and to nothing else:
 * Kafka's own log of client settings prints {@code sasl.jaas.config} as {@code [hidden]}.
 */
public final class KafkaClientFileConfigSource implements ConfigSource {

    public static final String VARIABLE = "PLUMBLINE_KAFKA_CLIENT_PROPERTIES";
    /** Above application.properties (250), below environment variables (300). */
    static final int ORDINAL = 275;

    private final Map<String, String> settings;
    private final String name;

    public KafkaClientFileConfigSource() {
        this(System.getenv(VARIABLE));
    }

    KafkaClientFileConfigSource(String file) {
        if (file == null || file.isBlank()) {
            settings = Map.of();
            name = VARIABLE + " (not set)";
        } else {
            settings = KafkaClientFile.settings(Path.of(file.strip()), VARIABLE);
            name = VARIABLE + " " + file.strip();
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return settings;
    }

    @Override
    public Set<String> getPropertyNames() {
        return settings.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return settings.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
