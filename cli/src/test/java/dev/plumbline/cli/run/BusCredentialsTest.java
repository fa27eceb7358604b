package dev.plumbline.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BusCredentialsTest {

    @TempDir
    Path kafka;

    @Test
    void eachServiceIsGivenItsOwnClientFileAndTheEnvFileNamesTheClis() {
        Map<String, String> run = BusCredentials.embedded("127.0.0.1:9092", kafka);

        assertThat(run)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry(
                        BusCredentials.CLIENT_FILE,
                        kafka.resolve("plumb.properties").toString());
        for (ServiceProcess service : ServiceProcess.values()) {
            Map<String, String> env = service.environment(withGit(run), 8081, kafka);
            assertThat(env)
                    .containsEntry(
                            BusCredentials.CLIENT_FILE,
                            kafka.resolve(service.module + ".properties").toString())
                    .doesNotContainKey(BusCredentials.CLIENTS_DIR);
        }
    }

    @Test
    void anExternalBrokerWithoutAFolderOfClientFilesLeavesTheServicesToTheirKafkaVariables() {
        assertThat(BusCredentials.external("kafka.example:9092", Optional.empty()))
                .containsOnlyKeys("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void aFolderOfClientFilesThatLacksOneNamesWhatIsMissing() throws IOException {
        for (String user :
                List.of("git-watcher", "renderer", "reconciler", "drift-auditor", "image-updater", "plumb")) {
            Files.writeString(kafka.resolve(user + ".properties"), "security.protocol=SASL_SSL\n");
        }

        assertThatThrownBy(() -> BusCredentials.external("kafka.example:9092", Optional.of(kafka)))
                .isInstanceOf(ComponentFailedException.class)
                .hasMessageContaining("notifier.properties")
                .hasMessageContaining(BusCredentials.CLIENTS_DIR);

        Files.writeString(kafka.resolve("notifier.properties"), "security.protocol=SASL_SSL\n");
        assertThat(BusCredentials.external("kafka.example:9092", Optional.of(kafka)))
                .containsEntry(
                        BusCredentials.CLIENTS_DIR, kafka.toAbsolutePath().toString());
    }

    private static Map<String, String> withGit(Map<String, String> run) {
        Map<String, String> all = new java.util.HashMap<>(run);
        all.putAll(Map.of(
                "GIT_SERVER_URL", "http://127.0.0.1:8091",
                "GIT_USERNAME", "plumbline",
                "GIT_PASSWORD", "p",
                "PLUMBLINE_WEBHOOK_SECRET", "s",
                "KUBECONFIG", "/k"));
        return all;
    }
}
