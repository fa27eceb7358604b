package dev.plumbline.cli.testing.backend;

import dev.plumbline.events.topic.BusAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A login (SASL/PLAIN) for every principal of the bus, on a Kafka started for the tests: the packaged services never
 * connect anonymously, so a bare broker would not do. The broker learns the users from {@link #brokerJaasConfig()},
 * each principal gets its {@code <principal>.properties} as the embedded broker writes them. Authentication only: the
 * ACLs of BusAccess are the embedded broker's to enforce.
 */
final class PlainLogins {

    /** The operator's principal, which the embedded broker also has, for tests that copy or cut topics. */
    static final String OPERATOR = "admin";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    private final Map<String, String> passwords;

    private PlainLogins(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    /** Fresh passwords for every principal of BusAccess and the operator. */
    static PlainLogins fresh() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : BusAccess.users()) {
            passwords.put(user, password());
        }
        passwords.put(OPERATOR, password());
        return new PlainLogins(passwords);
    }

    /** The broker's {@code sasl.jaas.config} for the PLAIN mechanism: every user with its password. */
    String brokerJaasConfig() {
        return passwords.entrySet().stream()
                .map(user -> " user_" + user.getKey() + "=\"" + user.getValue() + "\"")
                .collect(Collectors.joining("", LOGIN_MODULE, ";"));
    }

    /** Writes {@code <principal>.properties} for every principal to {@code folder}, readable by its owner only. */
    Path writeClients(Path folder, String bootstrapServers) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> user : passwords.entrySet()) {
                Path file = folder.resolve(user.getKey() + ".properties");
                Files.writeString(file, clientSettings(bootstrapServers, user.getKey(), user.getValue()));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka client settings to " + folder, e);
        }
    }

    private static String clientSettings(String bootstrapServers, String user, String password) {
        return String.join(
                "\n",
                "# Kafka client settings of User:" + user + " on the Kafka the system tests started",
                "bootstrap.servers=" + bootstrapServers,
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=PLAIN",
                "sasl.jaas.config=" + LOGIN_MODULE + " username=\"" + user + "\" password=\"" + password + "\";",
                "");
    }

    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
