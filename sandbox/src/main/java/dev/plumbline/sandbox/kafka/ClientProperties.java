package dev.plumbline.sandbox.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Kafka client settings of one principal of the secured broker: with the Java client's names (Kafka's own tools,
 * the services, the CLI), and with librdkafka's ({@code kcat -F}), which refuses {@code sasl.jaas.config} and the
 * truststore settings and names the same things otherwise. The librdkafka file logs in with PLAIN over TLS (see
 * {@link SecuredBus}: SCRAM of librdkafka before 2.6.1 fails against Kafka 4).
 */
final class ClientProperties {

    private ClientProperties() {}

    static Map<String, String> of(String bootstrapServers, String user, String password, Path truststore) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", SecuredBus.SCRAM_MECHANISM);
        settings.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
        settings.put("ssl.truststore.type", "PEM");
        settings.put("ssl.truststore.location", truststore.toString());
        return settings;
    }

    static Map<String, String> forLibrdkafka(String bootstrapServers, String user, String password, Path truststore) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanisms", SecuredBus.PLAIN_MECHANISM);
        settings.put("sasl.username", user);
        settings.put("sasl.password", password);
        settings.put("ssl.ca.location", truststore.toString());
        return settings;
    }

    /** The settings as a properties file; a backslash (a Windows path) is escaped, as the format reads it. */
    static String render(String user, Map<String, String> settings) {
        return settings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining(
                        "\n",
                        "# Kafka client settings of User:" + user + " on the sandbox broker, new at each start\n",
                        "\n"));
    }
}
