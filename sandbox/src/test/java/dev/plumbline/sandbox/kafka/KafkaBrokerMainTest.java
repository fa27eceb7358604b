package dev.plumbline.sandbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class KafkaBrokerMainTest {

    /** The logging a standalone run gets: the test class path also holds the JBoss provider, which stays silent. */
    private static final String STANDALONE_LOGGING = "org.slf4j.simple.SimpleServiceProvider";

    @TempDir
    Path dataDir;

    @Test
    void runsAsItsOwnJvmSaysWhenItIsReadyAndStopsOnSigterm() throws Exception {
        int port = freePort();
        Process broker = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dslf4j.provider=" + STANDALONE_LOGGING,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KafkaBrokerMain.class.getName(),
                        "--data-dir",
                        dataDir.toString(),
                        "--port",
                        Integer.toString(port))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader stdout =
                    new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
            String readyLine =
                    CompletableFuture.supplyAsync(() -> readLine(stdout)).get(60, TimeUnit.SECONDS);

            assertThat(readyLine).isEqualTo("kafka ready at 127.0.0.1:" + port);
            try (Admin admin = KafkaTestClients.admin("127.0.0.1:" + port)) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }

            broker.destroy();
            assertThat(broker.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped after SIGTERM")
                    .isTrue();
            assertThat(dataDir.resolve("meta.properties")).exists();
        } finally {
            broker.destroyForcibly();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
