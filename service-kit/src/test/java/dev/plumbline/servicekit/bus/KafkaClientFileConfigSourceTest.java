package dev.plumbline.servicekit.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KafkaClientFileConfigSourceTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"renderer\" password=\"s3cret\";";

    @TempDir
    Path folder;

    @Test
    void everyEntryOfTheFileBecomesAKafkaSettingOfTheService() throws IOException {
        Path file = folder.resolve("renderer.properties");
        Files.writeString(file, """
                # written by plumb up
                bootstrap.servers=127.0.0.1:9092
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=%s
                ssl.truststore.type=PEM
                ssl.truststore.location=/run/kafka/ca.pem
                """.formatted(JAAS));

        KafkaClientFileConfigSource source = new KafkaClientFileConfigSource(file.toString());

        assertThat(source.getProperties())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "kafka.bootstrap.servers", "127.0.0.1:9092",
                        "kafka.security.protocol", "SASL_SSL",
                        "kafka.sasl.mechanism", "SCRAM-SHA-512",
                        "kafka.sasl.jaas.config", JAAS,
                        "kafka.ssl.truststore.type", "PEM",
                        "kafka.ssl.truststore.location", "/run/kafka/ca.pem"));
        assertThat(source.getOrdinal()).isBetween(251, 299);
        assertThat(source.getName()).contains(file.toString()).doesNotContain("s3cret");
    }

    @Test
    void withoutTheVariableItGivesNothing() {
        assertThat(new KafkaClientFileConfigSource(null).getProperties()).isEmpty();
        assertThat(new KafkaClientFileConfigSource(" ").getProperties()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithTheVariable() {
        Path missing = folder.resolve("nowhere.properties");

        assertThatThrownBy(() -> new KafkaClientFileConfigSource(missing.toString()))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(KafkaClientFileConfigSource.VARIABLE);
    }

    @Test
    void aServiceWithASaslLoginOrAClientCertificateHasCredentials() {
        assertThat(KafkaCredentials.missing(
                        settings(Map.of("kafka.security.protocol", "SASL_SSL", "kafka.sasl.jaas.config", JAAS))))
                .isEmpty();
        assertThat(KafkaCredentials.missing(settings(
                        Map.of("kafka.security.protocol", "ssl", "kafka.ssl.keystore.location", "/tls/me.p12"))))
                .isEmpty();
    }

    @Test
    void aServiceThatWouldConnectAnonymouslyIsToldWhatToSet() {
        for (Map<String, String> anonymous : java.util.List.of(
                Map.<String, String>of(),
                Map.of("kafka.security.protocol", "PLAINTEXT"),
                Map.of("kafka.security.protocol", "SASL_SSL"),
                Map.of("kafka.security.protocol", "SSL"))) {
            assertThat(KafkaCredentials.missing(settings(anonymous)))
                    .as("%s", anonymous)
                    .hasValueSatisfying(sentence -> assertThat(sentence)
                            .contains(KafkaClientFileConfigSource.VARIABLE, "KAFKA_SASL_JAAS_CONFIG"));
        }
    }

    private static java.util.function.Function<String, Optional<String>> settings(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
