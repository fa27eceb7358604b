package dev.plumbline.sandbox.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The Kafka client settings of one principal of the secured broker, with standard Kafka client names. */
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
