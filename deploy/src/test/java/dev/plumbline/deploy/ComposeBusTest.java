package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.events.topic.BusAccess;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml's Kafka is a trust boundary as the cluster's is: TLS and SCRAM on every listener a client can
 * reach, deny by default, the users and ACLs of BusAccess, and each service with its own password and key only.
 */
class ComposeBusTest {

    static final String SERVER_PROPERTIES = "deploy/compose/server.properties";
    private static final String PREPARED = "./.plumbline/compose/";

    /** The broker's settings (kafka-setup adds only the keystore password and the broker's own credentials). */
    static Map<String, String> brokerSettings() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repo.read(SERVER_PROPERTIES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    @Test
    void noClientReachesAPlaintextListenerAndNoAclMeansNoAccess() {
        Map<String, String> broker = brokerSettings();
        Map<String, String> protocols = new TreeMap<>();
        for (String entry : broker.get("listener.security.protocol.map").split(",")) {
            String[] pair = entry.split(":");
            protocols.put(pair[0], pair[1]);
        }
        String controller = broker.get("controller.listener.names");

        for (String listener : broker.get("listeners").split(",")) {
            String name = listener.substring(0, listener.indexOf(':'));
            if (name.equals(controller)) {
                assertThat(listener)
                        .as("KRaft's own listener is on the loopback only")
                        .startsWith(name + "://localhost:");
            } else {
                assertThat(protocols.get(name)).as(listener).isEqualTo("SASL_SSL");
            }
        }
        assertThat(broker.get("advertised.listeners").split(","))
                .allSatisfy(listener -> assertThat(protocols.get(listener.substring(0, listener.indexOf(':'))))
                        .isEqualTo("SASL_SSL"));
        assertThat(broker.get("controller.quorum.voters")).endsWith("@localhost:9093");
        assertThat(broker)
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false");
        assertThat(broker.get("super.users").split(";"))
                .as("no principal of the bus is a super user")
                .doesNotContainAnyElementsOf(
                        BusAccess.users().stream().map(user -> "User:" + user).toList());
        assertThat(ComposeTest.compose().path("services").path("kafka").path("ports"))
                .singleElement()
                .satisfies(port -> assertThat(port.asText()).isEqualTo("29092:29092"));
    }

    @Test
    void kafkaSetupMakesEveryUserOfBusAccessAndKafkaAclsGrantsTheGeneratedAclsBeforeAnyServiceStarts() {
        JsonNode services = ComposeTest.compose().path("services");
        List<String> passwords = Stream.concat(Stream.of("admin"), BusAccess.users().stream())
                .map(ComposeBusTest::passwordVariable)
                .toList();

        assertThat(ComposeTest.environment(services.path("kafka-setup")).keySet())
                .containsExactlyInAnyOrderElementsOf(passwords);
        assertThat(volumes(services.path("kafka-setup")))
                .contains("./" + BusAccessFiles.COMPOSE_SCRIPT + ":/plumbline/bus-access.sh:ro")
                .contains("./" + SERVER_PROPERTIES + ":/plumbline/server.properties:ro");
        assertThat(services.path("kafka-acls").path("entrypoint").toString())
                .contains(". /plumbline/bus-access.sh && apply_acls");
        assertThat(volumes(services.path("kafka-acls")))
                .contains("./" + BusAccessFiles.COMPOSE_SCRIPT + ":/plumbline/bus-access.sh:ro");
        assertThat(dependency(services.path("kafka"), "kafka-setup")).isEqualTo("service_completed_successfully");
        for (PlumblineService service : PlumblineService.values()) {
            assertThat(dependency(services.path(service.id()), "kafka-acls"))
                    .as(service.id())
                    .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void everyServiceConnectsOverTlsAsItsOwnUserWithItsOwnPasswordOnly() {
        JsonNode services = ComposeTest.compose().path("services");
        for (PlumblineService service : PlumblineService.values()) {
            JsonNode compose = services.path(service.id());
            Map<String, String> environment = ComposeTest.environment(compose);
            String own = passwordVariable(service.id());

            assertThat(environment)
                    .as(service.id())
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/plumbline/kafka-ca/ca.crt")
                    .containsEntry(
                            "KAFKA_SASL_JAAS_CONFIG",
                            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                                    + service.id() + "\" password=\"${" + own + ":?run deploy/compose/prepare.sh}\";");
            assertThat(Pattern.compile("PLUMBLINE_KAFKA_PASSWORD_[A-Z_]+")
                            .matcher(compose.toString())
                            .results()
                            .map(MatchResult::group))
                    .as("%s names no other user's password", service)
                    .containsOnly(own);
            assertThat(volumes(compose)).contains(PREPARED + "kafka-ca:/etc/plumbline/kafka-ca:ro");
        }
    }

    @Test
    void onlyTheSigningServicesMountAPrivateKeyEachItsOwnAndTheOthersOnlyPublicKeys() {
        JsonNode services = ComposeTest.compose().path("services");
        for (PlumblineService service : PlumblineService.values()) {
            JsonNode compose = services.path(service.id());
            Map<String, String> environment = ComposeTest.environment(compose);
            List<String> signing = volumes(compose).stream()
                    .filter(volume -> volume.startsWith(PREPARED + "signing/")
                            && !volume.startsWith(PREPARED + "signing/public:"))
                    .toList();

            if (KafkaCredentialsTest.SIGNERS.contains(service)) {
                assertThat(signing)
                        .as(service.id())
                        .containsExactly(PREPARED + "signing/" + service.id() + ":/etc/plumbline/signing:ro");
                assertThat(environment).containsEntry("PLUMBLINE_SIGNING_KEY_FILE", "/etc/plumbline/signing/key.pem");
            } else {
                assertThat(signing).as("%s signs nothing", service).isEmpty();
                assertThat(environment).doesNotContainKey("PLUMBLINE_SIGNING_KEY_FILE");
            }
            List<String> trust = environment.keySet().stream()
                    .filter(name -> name.startsWith("PLUMBLINE_TRUST_"))
                    .toList();
            assertThat(trust)
                    .as(service.id())
                    .containsExactlyInAnyOrderElementsOf(KafkaCredentialsTest.TRUSTS.get(service));
            trust.forEach(name -> assertThat(environment.get(name)).startsWith("/etc/plumbline/trust/"));
            if (!trust.isEmpty()) {
                assertThat(volumes(compose)).contains(PREPARED + "signing/public:/etc/plumbline/trust:ro");
            }
        }
    }

    /** PLUMBLINE_KAFKA_PASSWORD_ and the user's name, upper case, - as _: as prepare.sh and kafka-setup.sh spell it. */
    static String passwordVariable(String user) {
        return "PLUMBLINE_KAFKA_PASSWORD_" + user.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static List<String> volumes(JsonNode service) {
        List<String> volumes = new ArrayList<>();
        service.path("volumes").forEach(volume -> volumes.add(volume.asText()));
        return volumes;
    }

    private static String dependency(JsonNode service, String on) {
        return service.path("depends_on").path(on).path("condition").asText();
    }
}
