package dev.plumbline.sandbox.kafka;

import dev.plumbline.events.topic.BusAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The secured mode of the persistent broker: clients connect with SASL/SCRAM-SHA-512 over TLS as one of the
 * principals of {@link BusAccess}, and the ACLs made from it allow each exactly its row (no ACL, no access).
 *
 * <p>Three listeners, every one of them authenticated:
 *
 * <ul>
 *   <li>{@code CLIENTS}, SASL_SSL with SCRAM-SHA-512: the one port clients are told of.
 *   <li>{@code CONTROLLER}, SASL_PLAINTEXT with PLAIN, on the loopback address and a port of its own: SCRAM cannot
 *       authenticate it, since SCRAM credentials live in the metadata the controller serves (the broker could not
 *       log in before it has read them). An unauthenticated controller listener would need {@code User:ANONYMOUS}
 *       as a super user, which anyone on the machine could use; PLAIN with a password generated at each start, known
 *       only to this process, grants nothing to anyone else.
 *   <li>{@code INTERNAL}, the same as the controller listener, for the broker's own traffic and the admin connection
 *       that writes the SCRAM credentials and ACLs at start-up.
 * </ul>
 *
 * <p>The broker's own principal, {@value #BROKER_USER}, is a super user: the controller authorizes the
 * broker's registration and heartbeats (cluster actions) and the start-up writes users and ACLs, which no
 * principal of {@link BusAccess} may do. So is {@value #OPERATOR_USER}, the person who started the run: to inspect
 * or copy topics, change ACLs or replay a dead letter with Kafka's own tools. No service is given it, and it grants
 * nothing the owner of the run folder does not already hold (every password and the broker's data are there).
 *
 * <p>Passwords are generated at every start and written, with the broker's address and the truststore, to
 * {@code <user>.properties} in the secured folder (readable by its owner only): standard Kafka client settings, so
 * that the services, the CLI and Kafka's own tools connect as that principal. The TLS certificate is made once
 * ({@link BrokerCertificate}).
 */
final class SecuredBus {

    static final String BROKER_USER = "broker";
    static final String OPERATOR_USER = "admin";
    static final String CLIENTS_LISTENER = "CLIENTS";
    static final String INTERNAL_LISTENER = "INTERNAL";
    static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    static final String PLAIN_MECHANISM = "PLAIN";

    private final Path folder;
    private final BrokerCertificate certificate;
    private final String brokerPassword;
    private final Map<String, String> passwords;

    private SecuredBus(
            Path folder, BrokerCertificate certificate, String brokerPassword, Map<String, String> passwords) {
        this.folder = folder;
        this.certificate = certificate;
        this.brokerPassword = brokerPassword;
        this.passwords = passwords;
    }

    /** Makes the certificate (once) and fresh passwords, in {@code folder}. */
    static SecuredBus prepare(Path folder) throws IOException, InterruptedException {
        Path secured = OwnerOnly.folder(folder.toAbsolutePath().normalize());
        BrokerCertificate certificate = BrokerCertificate.ensure(secured);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : BusAccess.users()) {
            passwords.put(user, BrokerCertificate.randomPassword());
        }
        passwords.put(OPERATOR_USER, BrokerCertificate.randomPassword());
        return new SecuredBus(secured, certificate, BrokerCertificate.randomPassword(), passwords);
    }

    /** The listener, authentication and authorization settings of the broker. */
    Map<String, String> brokerSettings(String host, int clientPort, int internalPort, int controllerPort) {
        String controller = PersistentBroker.CONTROLLER_LISTENER;
        Map<String, String> config = new HashMap<>();
        config.put(
                "listeners",
                CLIENTS_LISTENER + "://" + host + ":" + clientPort + "," + INTERNAL_LISTENER + "://" + host + ":"
                        + internalPort + "," + controller + "://" + host + ":" + controllerPort);
        config.put(
                "advertised.listeners",
                CLIENTS_LISTENER + "://" + host + ":" + clientPort + "," + INTERNAL_LISTENER + "://" + host + ":"
                        + internalPort);
        config.put(
                "listener.security.protocol.map",
                CLIENTS_LISTENER + ":SASL_SSL," + INTERNAL_LISTENER + ":SASL_PLAINTEXT," + controller
                        + ":SASL_PLAINTEXT");
        config.put("inter.broker.listener.name", INTERNAL_LISTENER);
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");

        String clients = "listener.name." + CLIENTS_LISTENER.toLowerCase() + ".";
        // PLAIN beside SCRAM, with the same users and passwords and over the same TLS, for librdkafka tools: before
        // librdkafka 2.6.1 their SCRAM proof repeats the client nonce, which Kafka 4 rightly refuses, and Debian's kcat
        // is built on 2.0.2. Both name the principal User:<user>, so the ACLs are the same.
        config.put(clients + "sasl.enabled.mechanisms", SCRAM_MECHANISM + "," + PLAIN_MECHANISM);
        config.put(
                clients + SCRAM_MECHANISM.toLowerCase() + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        StringBuilder plainUsers =
                new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        passwords.forEach((user, password) -> plainUsers
                .append(" user_")
                .append(user)
                .append("=\"")
                .append(password)
                .append('"'));
        config.put(clients + "plain.sasl.jaas.config", plainUsers.append(';').toString());
        config.put(clients + "ssl.keystore.type", "PKCS12");
        config.put(clients + "ssl.keystore.location", certificate.keystore().toString());
        config.put(clients + "ssl.keystore.password", certificate.keystorePassword());
        for (String loopback : new String[] {INTERNAL_LISTENER, controller}) {
            String prefix = "listener.name." + loopback.toLowerCase() + ".";
            config.put(prefix + "sasl.enabled.mechanisms", "PLAIN");
            // the broker both accepts (user_broker) and logs in with (username, password) this one principal
            config.put(
                    prefix + "plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER_USER
                            + "\" password=\"" + brokerPassword + "\" user_" + BROKER_USER + "=\"" + brokerPassword
                            + "\";");
        }

        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("super.users", "User:" + BROKER_USER + ";User:" + OPERATOR_USER);
        return config;
    }

    /** Client settings of the broker's own principal, on the internal listener. */
    Map<String, Object> brokerClientSettings(String internalBootstrap) {
        return Map.of(
                "bootstrap.servers",
                internalBootstrap,
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BROKER_USER
                        + "\" password=\"" + brokerPassword + "\";");
    }

    Map<String, String> passwords() {
        return passwords;
    }

    /**
     * Writes {@code <user>.properties} and {@code <user>.kcat.conf} for every principal, naming the broker at
     * {@code bootstrapServers}.
     */
    void writeClientFiles(String bootstrapServers) throws IOException {
        for (String user : passwords.keySet()) {
            OwnerOnly.write(
                    clientFile(folder, user), ClientProperties.render(user, clientSettings(bootstrapServers, user)));
            OwnerOnly.write(
                    folder.resolve(user + ".kcat.conf"),
                    ClientProperties.render(
                            user,
                            ClientProperties.forLibrdkafka(
                                    bootstrapServers, user, passwords.get(user), certificate.truststore())));
        }
    }

    /** The client settings of {@code user}, as its file has them. */
    Map<String, String> clientSettings(String bootstrapServers, String user) {
        return ClientProperties.of(bootstrapServers, user, passwords.get(user), certificate.truststore());
    }

    /** Where the client settings of {@code user} are written in a secured folder. */
    static Path clientFile(Path folder, String user) {
        return folder.resolve(user + ".properties");
    }
}
