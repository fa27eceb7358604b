package dev.plumbline.sandbox.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The secured broker's TLS identity: a self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made
 * on the first secured start and kept, so that clients' trust stays valid from one start to the next. Made with the
 * JDK's own {@code keytool} (the one of the running Java), which needs no library for certificate building; the
 * certificate is its own trust anchor, and clients trust it through a PEM file, as Kafka's
 * {@code ssl.truststore.type=PEM} reads.
 *
 * @param keystore         the broker's key and certificate, PKCS12
 * @param keystorePassword the keystore's password
 * @param truststore       the certificate alone, PEM, for clients
 */
record BrokerCertificate(Path keystore, String keystorePassword, Path truststore) {

    static final String TRUSTSTORE_FILE = "ca.pem";
    private static final String ALIAS = "plumbline-kafka";
    private static final String PASSWORD_VARIABLE = "PLUMBLINE_KEYSTORE_PASSWORD";

    /** The certificate kept in {@code folder}, made first if there is none. */
    static BrokerCertificate ensure(Path folder) throws IOException, InterruptedException {
        Path tls = OwnerOnly.folder(folder.resolve("tls"));
        Path keystore = tls.resolve("broker.p12");
        Path passwordFile = tls.resolve("broker.p12.password");
        Path truststore = folder.resolve(TRUSTSTORE_FILE);
        if (Files.isRegularFile(keystore) && Files.isRegularFile(passwordFile) && Files.isRegularFile(truststore)) {
            return new BrokerCertificate(
                    keystore, Files.readString(passwordFile).strip(), truststore);
        }
        Files.deleteIfExists(keystore);
        String password = randomPassword();
        OwnerOnly.write(passwordFile, password);
        keytool(
                password,
                "-genkeypair",
                "-alias",
                ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "3650",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-keypass:env",
                PASSWORD_VARIABLE);
        OwnerOnly.restrict(keystore);
        Path exported = tls.resolve("broker.pem");
        Files.deleteIfExists(exported);
        keytool(
                password,
                "-exportcert",
                "-rfc",
                "-alias",
                ALIAS,
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-file",
                exported.toString());
        OwnerOnly.write(truststore, Files.readString(exported, StandardCharsets.US_ASCII));
        Files.delete(exported);
        return new BrokerCertificate(keystore, password, truststore);
    }

    static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Runs keytool with the password in its environment, never on a command line that {@code ps} shows. */
    private static void keytool(String password, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass:env", PASSWORD_VARIABLE, "-noprompt"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process keytool = builder.start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IOException("keytool could not make the broker's TLS certificate: " + output.strip());
        }
    }
}
