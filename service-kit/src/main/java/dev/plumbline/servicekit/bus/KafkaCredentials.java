package dev.plumbline.servicekit.bus;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a service's Kafka settings authenticate it: SASL with a login ({@code sasl.jaas.config}), or TLS with a
 * client certificate. Anything else would connect as {@code User:ANONYMOUS}, which a production broker must not
 * allow and a service must not try.
 */
final class KafkaCredentials {

    static final String MISSING = "Kafka credentials are missing, and a service does not connect to Kafka"
            + " anonymously: set " + KafkaClientFileConfigSource.VARIABLE + " to the path of this service's Kafka"
            + " client properties file (security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.*), or"
            + " KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG (see docs/service-kit.md).";

    private KafkaCredentials() {}

    /** The sentence to stop with when {@code kafka} (a {@code kafka.} setting by its full name) has no credentials. */
    static Optional<String> missing(Function<String, Optional<String>> kafka) {
        String protocol = kafka.apply("kafka.security.protocol")
                .orElse("PLAINTEXT")
                .strip()
                .toUpperCase(Locale.ROOT);
        boolean authenticated = switch (protocol) {
            case "SASL_SSL", "SASL_PLAINTEXT" ->
                kafka.apply("kafka.sasl.jaas.config").isPresent();
            case "SSL" ->
                kafka.apply("kafka.ssl.keystore.location").isPresent()
                        || kafka.apply("kafka.ssl.keystore.key").isPresent();
            default -> false;
        };
        return authenticated ? Optional.empty() : Optional.of(MISSING);
    }
}
